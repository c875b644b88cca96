/** English messages of the expression editor and the playground (merged into en.ts as `expressions`). */
export const enExpressions = {
  playgroundTitle: 'Expression playground',
  playgroundLink: 'Try attribute-mapping expressions against a sample object',
};
