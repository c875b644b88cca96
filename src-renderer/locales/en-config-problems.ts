/**
 * English texts of the job-configuration problem codes (src-shared/domain/config-problems.ts), merged
 * into en.ts as `configProblems`: what the impact view lists under "Fix these before saving".
 */
export const enConfigProblems = {
  usersMappingMissing: 'A job needs a Users object mapping.',
  mappedTwice: '{attribute} is mapped twice.',
  notInTargetSchema: '{attribute} is not in the target schema of {objectType}s.',
  primaryKeyTarget: 'The target’s primary key (id) cannot be a mapping target.',
  expressionError: '{attribute}, line {line}, column {column}: {text}',
  chooseSource: '{attribute}: choose the source attribute.',
  noSuchConnection: 'There is no connection named “{name}”.',
  noSuchConnectionGuess: 'There is no connection named “{name}”. Did you mean “{guess}”?',
  wrongConnectionKind: 'A {kind} connection cannot be a {role}.',
  targetCannotDisable:
    'The target cannot disable accounts: set leavers to be deleted, or let the connection disable them.',
  nameTaken: 'A job named “{name}” already exists; choose another name.',
  scopingFilter: '{text}',
  roles: {
    source: 'source',
    target: 'target',
  },
};
