// Delegations and their persons.
import type { DelegationId, PersonId } from '../../domain/ids.js';
import type { Delegation, Person, PersonRole } from '../../domain/summit/schema.js';
import type { Rank } from '../../domain/summit/practice.js';
import type { Window } from '../../domain/time.js';
import type { Tx } from '../store.js';
import { summitCollection } from './collection.js';
import { jsonOrNull, parseJsonOrNull } from './columns.js';
import type { DelegationRow, PersonRow } from './rows.js';
import type { TableContext } from './versioned.js';

/** A delegations row as a Delegation. */
export function rowToDelegation(row: DelegationRow): Delegation {
  return {
    id: row.id as DelegationId,
    name: row.name,
    principal: row.principal_id as PersonId,
    presence: parseJsonOrNull<Window[]>(row.presence),
    languages: parseJsonOrNull<string[]>(row.languages),
    interpreters: row.interpreters,
    version: row.version,
  };
}

/** A persons row as a Person. */
export function rowToPerson(row: PersonRow): Person {
  return {
    id: row.id as PersonId,
    delegation: row.delegation_id as DelegationId,
    name: row.name,
    title: row.title,
    role: row.role as PersonRole,
    presence: parseJsonOrNull<Window[]>(row.presence),
    languages: parseJsonOrNull<string[]>(row.languages),
    rank: row.rank as Rank | null,
    version: row.version,
  };
}

/** The delegations member of a transaction. */
export function delegationsTable(ctx: TableContext): Tx['delegations'] {
  return summitCollection<Delegation, string, DelegationRow>(ctx, {
    table: 'delegations',
    entity: 'delegation',
    keyOf: (delegation) => delegation.id,
    keyColumns: (id) => ({ id }),
    describe: (id) => id,
    toRow: (delegation) => ({
      id: delegation.id,
      name: delegation.name,
      principal_id: delegation.principal,
      presence: jsonOrNull(delegation.presence),
      languages: jsonOrNull(delegation.languages),
      interpreters: delegation.interpreters,
    }),
    fromRow: rowToDelegation,
    order: ['id'],
  });
}

/** The persons member of a transaction. */
export function personsTable(ctx: TableContext): Tx['persons'] {
  return summitCollection<Person, string, PersonRow>(ctx, {
    table: 'persons',
    entity: 'person',
    keyOf: (person) => person.id,
    keyColumns: (id) => ({ id }),
    describe: (id) => id,
    toRow: (person) => ({
      id: person.id,
      delegation_id: person.delegation,
      name: person.name,
      title: person.title,
      role: person.role,
      presence: jsonOrNull(person.presence),
      languages: jsonOrNull(person.languages),
      rank: person.rank,
    }),
    fromRow: rowToPerson,
    order: ['id'],
  });
}
