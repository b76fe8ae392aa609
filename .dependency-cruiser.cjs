/**
 * The architecture's rules, checked by `npm run check:dependencies` (part of `npm test`):
 * modules keep their repositories to themselves, pure rules stay pure, the layers point one way,
 * and no import cycle appears.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-foreign-repository',
      comment: 'A module reads and changes another module\'s records through that module\'s services, never its repository.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/[^/]+/.+\\.repository\\.ts$', pathNot: '^src/modules/$1/' },
    },
    {
      name: 'no-repository-outside-modules',
      comment: 'The server, the command line, the database layer and the domain reach modules through their services and routes only.',
      severity: 'error',
      from: { path: '^src/(server|cli|db|domain)/' },
      to: { path: '^src/modules/.+\\.repository\\.ts$' },
    },
    {
      name: 'domain-is-pure',
      comment: 'src/domain holds pure rules: it imports nothing but itself (and hashing from node:crypto).',
      severity: 'error',
      from: { path: '^src/domain/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: '^(src/domain/|(node:)?crypto$)' },
    },
    {
      name: 'db-below-modules',
      comment: 'The database layer (connection, migrations, table types) does not know the modules, the server or the command line.',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^src/(modules|server|cli)/' },
    },
    {
      name: 'cli-on-top',
      comment: 'Nothing but the command line imports the command line (it wires config, database, demo and server).',
      severity: 'error',
      from: { path: '^src/(modules|server|db|domain)/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycle, type-only imports included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.test\\.ts$|^src/.*/fixtures/' },
  },
};
