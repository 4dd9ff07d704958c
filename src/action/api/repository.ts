/** The repository every request names. */
export interface Repository {
  owner: string;
  repo: string;
}
