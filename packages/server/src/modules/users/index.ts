// The users module's front door: other modules and the app wiring import only from here.
export { registerUsersRoutes } from './users.routes';
export { createUsersService } from './users.service';
export { type UserRow, type UsersStore, createUsersStore } from './users.store';
