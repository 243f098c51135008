// Starts telegram-test-api for the Bot end-to-end tests: node start.js <port> [storeTimeoutSeconds]
// The package has no runnable start script of its own (see docs/channels.md).
const TelegramServer = require('telegram-test-api');
// Client routes and webhook pushes are unawaited promises; one failure would otherwise kill the emulator.
process.on('unhandledRejection', (e) => console.error('unhandledRejection:', e && e.message));
const port = Number(process.argv[2] || 9000);
const storeTimeout = Number(process.argv[3] || 60);
const server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout });
// Methods telegram-test-api lacks, registered in front of its catch-all "not supported" route.
// getFile knows no user files: it answers as Telegram does for an unknown file_id.
const front = (method, handler) => server.webServer._router.stack.splice(2, 0, ...(() => {
  const before = server.webServer._router.stack.length;
  server.webServer.post(`/bot:token/${method}`, handler);
  return server.webServer._router.stack.splice(before, 1);
})());
front('getFile', (req, res) => res.status(400).json({ ok: false, error_code: 400, description: 'Bad Request: invalid file_id' }));
front('setMyCommands', (req, res) => res.json({ ok: true, result: true }));
server.start().then(() => console.log('listening', server.config.apiURL));
const stop = async () => { await server.stop(); process.exit(0); };
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Exit with the test process that started us (stdin closes when it goes away).
process.stdin.on('end', stop);
process.stdin.resume();
