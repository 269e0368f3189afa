// Fails early and plainly when npm scripts run on a Node older than the project needs.
// npm puts node_modules/.bin first on PATH, so `node` here is the `node` devDependency (Node 24 LTS).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Node ${process.version} is too old: this project needs Node >= 22.12. Run \`npm install\` first; it brings Node 24 (the "node" devDependency) which npm scripts use.`,
  );
  process.exit(1);
}
