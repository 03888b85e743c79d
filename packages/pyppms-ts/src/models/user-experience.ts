/**
 * One line of `getuserexp` (pyppms returns these records as they are, with the wire's column
 * names): a user's booked and used hours on one system.
 */
export interface UserExperience {
  /** The login. */
  login: string;
  /** The system id. */
  id: number;
  /** Hours booked. */
  booked_hours: number;
  /** Hours used. */
  used_hours: number;
  /** Date of the last reservation, or `n/a` when never. */
  last_res: string;
  /** Date of the last training, or `n/a` when never. */
  last_train: string;
}
