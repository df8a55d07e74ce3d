// The widget module's front door: other modules and the app wiring import only from here.
export { registerWidgetRoutes } from './widget.routes';
