// build.mjs inlines .css files imported by the loader as minified text.
declare module '*.css' {
  const text: string;
  export default text;
}
