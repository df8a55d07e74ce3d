// The pure client core shared by the widget and the inbox: what every Charla client does the
// same way (ordered sends, size limits, merging, reconnecting). No DOM, no React.
export * from './send-queue';
export * from './message-limit';
