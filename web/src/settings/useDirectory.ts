import type { Member, Team } from '../../../src/contracts/index.ts';
import { api } from '../api.ts';
import { useAsync } from '../useAsync.ts';
import type { AsyncState } from '../useAsync.ts';

/** Members and teams, loaded once for both settings sections: each shows data from the other (team names, member names). */
export interface Directory {
  members: AsyncState<Member[]>;
  teams: AsyncState<Team[]>;
}

export function useDirectory(): Directory {
  const members = useAsync(api.listMembers);
  const teams = useAsync(api.listTeams);
  return { members, teams };
}

/** The server lists members and teams by name; rows added or renamed here are put back in that order. */
export function sortByName<T extends { name: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => a.name.localeCompare(b.name));
}
