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
// In front of the package's routes but after its JSON and form body parsers.
const firstRoute = () => server.webServer._router.stack.findIndex((layer) => layer.route);
const front = (method, handler) => server.webServer._router.stack.splice(firstRoute(), 0, ...(() => {
  const before = server.webServer._router.stack.length;
  server.webServer.post(`/bot:token/${method}`, handler);
  return server.webServer._router.stack.splice(before, 1);
})());
// Files: users' photos registered by the tests (POST /test/files) and photos the bot uploaded with sendPhoto.
const files = new Map(); // file_id -> Buffer
let fileCounter = 0;
front('getFile', (req, res) => {
  const id = req.body && req.body.file_id;
  if (!files.has(id)) return res.status(400).json({ ok: false, error_code: 400, description: 'Bad Request: invalid file_id' });
  res.json({ ok: true, result: { file_id: id, file_unique_id: 'u-' + id, file_size: files.get(id).length, file_path: 'photos/' + encodeURIComponent(id) } });
});
server.webServer._router.stack.splice(firstRoute(), 0, ...(() => {
  const before = server.webServer._router.stack.length;
  server.webServer.get('/file/bot:token/photos/:id', (req, res) => {
    const bytes = files.get(decodeURIComponent(req.params.id));
    if (!bytes) return res.status(404).end();
    res.type('application/octet-stream').send(bytes);
  });
  server.webServer.post('/test/files', (req, res) => { files.set(req.body.fileId, Buffer.from(req.body.base64, 'base64')); res.json({ ok: true }); });
  return server.webServer._router.stack.splice(before, 2);
})());
// A minimal multipart/form-data reader (Telegram.Bot uploads photos that way; the package reads only JSON and forms).
const readMultipart = (req) => new Promise((resolve, reject) => {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(req.headers['content-type'] || '');
  if (!m) return resolve({});
  const boundary = Buffer.from('--' + (m[1] || m[2]));
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('error', reject);
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const fields = {};
    let at = body.indexOf(boundary);
    while (at >= 0) {
      const start = at + boundary.length + 2;
      const next = body.indexOf(boundary, start);
      if (next < 0) break;
      const part = body.subarray(start, next - 2);
      const split = part.indexOf('\r\n\r\n');
      const headers = part.subarray(0, split).toString();
      const content = part.subarray(split + 4);
      const name = /name="?([^";\r\n]+)"?/i.exec(headers);
      const isFile = /filename=/i.test(headers);
      if (name) fields[name[1]] = isFile ? { file: content } : content.toString();
      at = next;
    }
    resolve(fields);
  });
});
// sendPhoto by file_id (JSON) or as an upload (multipart); the stored bot message names the file_id used or given.
front('sendPhoto', async (req, res) => {
  const token = req.params.token;
  const fields = (req.headers['content-type'] || '').startsWith('multipart/') ? await readMultipart(req) : req.body;
  let photo = fields.photo;
  let uploaded = false;
  if (typeof photo === 'string' && photo.startsWith('attach://')) photo = fields[photo.substring('attach://'.length)];
  if (photo && photo.file) {
    const id = 'emu-photo-' + (++fileCounter);
    files.set(id, photo.file);
    photo = id;
    uploaded = true;
  }
  if (typeof photo !== 'string' || !photo) return res.status(400).json({ ok: false, error_code: 400, description: 'Bad Request: there is no photo in the request' });
  if (!uploaded && !files.has(photo)) return res.status(400).json({ ok: false, error_code: 400, description: 'Bad Request: wrong file identifier/HTTP URL specified' });
  const markup = typeof fields.reply_markup === 'string' ? JSON.parse(fields.reply_markup) : fields.reply_markup;
  const msg = server.addBotMessage({ chat_id: fields.chat_id, caption: fields.caption, parse_mode: fields.parse_mode, reply_markup: markup, photo, uploaded }, token);
  const size = files.get(photo).length;
  msg.photo = [{ file_id: photo, file_unique_id: 'u-' + photo, width: 1280, height: 960, file_size: size }];
  res.json({ ok: true, result: msg });
});
front('setMyCommands', (req, res) => res.json({ ok: true, result: true }));
server.start().then(() => console.log('listening', server.config.apiURL));
const stop = async () => { await server.stop(); process.exit(0); };
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Exit with the test process that started us (stdin closes when it goes away).
process.stdin.on('end', stop);
process.stdin.resume();
