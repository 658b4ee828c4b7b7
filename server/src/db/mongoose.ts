/**
 * The configured mongoose instance. Every model imports mongoose from here, so global options and
 * plugins are in place before any model is compiled.
 */
import mongoose from 'mongoose';
import { jsonPlugin } from './plugins';

// Unknown fields in filters are dropped, never passed to the database.
mongoose.set('strictQuery', true);
mongoose.plugin(jsonPlugin);

export default mongoose;
export { mongoose };
