// Where a sign-in may send the browser afterwards: only a path of this site, never an absolute
// URL (open redirect). Shared by the password and the single sign-on actions.
import { z } from "zod";

export const callbackUrlSchema = z
  .string()
  .regex(/^\/(?!\/)[^\s\\]*$/)
  .optional()
  .catch(undefined);
