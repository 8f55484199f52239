/**
 * Babel plugin for Jest only: replaces `import.meta.url` with `'file://' + __filename`, `.dirname`/`.filename` with
 * `__dirname`/`__filename`, and
 * `import.meta.resolve(x)` with `require.resolve(x)` in ES-module packages compiled to CommonJS.
 * (babel-plugin-transform-import-meta emits `require('url')`, which collides with the
 * `const require = createRequire(import.meta.url)` several NestJS files declare.)
 */
module.exports = function importMetaToCommonJs({ types: t }) {
  return {
    visitor: {
      MemberExpression(path) {
        const { object, property } = path.node;
        if (!t.isMetaProperty(object) || object.meta.name !== 'import' || object.property.name !== 'meta') return;
        if (t.isIdentifier(property, { name: 'url' })) {
          path.replaceWith(t.binaryExpression('+', t.stringLiteral('file://'), t.identifier('__filename')));
        } else if (t.isIdentifier(property, { name: 'dirname' })) {
          path.replaceWith(t.identifier('__dirname'));
        } else if (t.isIdentifier(property, { name: 'filename' })) {
          path.replaceWith(t.identifier('__filename'));
        } else if (t.isIdentifier(property, { name: 'resolve' })) {
          path.replaceWith(t.memberExpression(t.identifier('require'), t.identifier('resolve')));
        }
      },
    },
  };
};
