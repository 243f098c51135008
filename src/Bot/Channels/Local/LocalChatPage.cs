namespace YouthMonth.Bot.Channels.Local;

/// <summary>The /chat page: plain HTML and JavaScript over the /local endpoints.</summary>
internal static class LocalChatPage
{
    public const string Html = """
<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Trò chuyện thử với bot Tháng Thanh niên</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #eef2f7; color: #1d2733; }
  header { background: #0b5cad; color: #fff; padding: .6rem 1rem; }
  header h1 { font-size: 1.1rem; margin: 0 0 .4rem; }
  header input { padding: .3rem; border-radius: 4px; border: 0; }
  main { max-width: 720px; margin: 0 auto; display: flex; flex-direction: column; height: calc(100vh - 100px); }
  #log { flex: 1; overflow-y: auto; padding: 1rem; }
  .msg { max-width: 80%; margin: .3rem 0; padding: .5rem .7rem; border-radius: 10px; white-space: pre-wrap; }
  .me { background: #cfe6ff; margin-left: auto; }
  .bot { background: #fff; }
  .choices button { margin: .3rem .3rem 0 0; padding: .3rem .6rem; border: 1px solid #0b5cad; background: #fff;
                    color: #0b5cad; border-radius: 14px; cursor: pointer; }
  .msg img { max-width: 100%; border-radius: 6px; display: block; margin-bottom: .3rem; }
  form { display: flex; gap: .4rem; padding: .6rem; background: #fff; }
  form input[type=text] { flex: 1; padding: .5rem; }
  .hint { font-size: .8rem; color: #dfe9f5; }
</style>
</head>
<body>
<header>
  <h1>Trò chuyện thử với bot (kênh nội bộ)</h1>
  <label>Mã cuộc trò chuyện: <input id="chatId" list="chats" placeholder="vd. doan-phuong-1"></label>
  <label>Tên hiển thị: <input id="name" placeholder="vd. Nguyễn Văn An"></label>
  <label><input type="checkbox" id="group"> Nhóm lãnh đạo</label>
  <datalist id="chats"></datalist>
  <div class="hint">Mỗi mã là một người dùng hoặc một nhóm. Chọn trong danh sách "contact-…" để nói với tư cách một cán bộ liên hệ trong kế hoạch, "leaders-…" cho một nhóm lãnh đạo, hoặc một mã đã dùng để tiếp tục cuộc trò chuyện.</div>
</header>
<main>
  <div id="log"></div>
  <form id="send">
    <input type="text" id="text" placeholder="Nhập tin nhắn, /lenh hoặc số thứ tự lựa chọn…" autocomplete="off">
    <button type="submit">Gửi</button>
    <label title="Gửi ảnh">📷<input type="file" id="photo" accept="image/*" hidden></label>
  </form>
</main>
<script>
const $ = (id) => document.getElementById(id);
let after = 0, current = '';
const params = new URLSearchParams(location.search);
$('chatId').value = params.get('chatId') || localStorage.getItem('ym.chatId') || '';
$('name').value = localStorage.getItem('ym.name') || '';

function add(cls, text, choices, photoUrl) {
  const div = document.createElement('div');
  div.className = 'msg ' + cls;
  if (photoUrl) { const img = document.createElement('img'); img.src = photoUrl; div.appendChild(img); }
  div.appendChild(document.createTextNode(text || ''));
  if (choices && choices.length) {
    const box = document.createElement('div'); box.className = 'choices';
    let n = 0;
    for (const row of choices) for (const c of row) {
      n++;
      const b = document.createElement('button');
      b.textContent = n + '. ' + c.label;
      b.onclick = () => send({ callbackData: c.key, text: c.label });
      box.appendChild(b);
    }
    div.appendChild(box);
  }
  $('log').appendChild(div);
  $('log').scrollTop = $('log').scrollHeight;
}

// Off this machine the endpoints want the key (Local:Key): asked once, kept for the browser tab.
let askedForKey = false;
async function api(url, options = {}) {
  const withKey = () => fetch(url, { ...options, headers: { ...(options.headers || {}), 'X-Local-Key': sessionStorage.getItem('ym.localKey') || '' } });
  let res = await withKey();
  if (res.status === 403 && !askedForKey) {
    askedForKey = true;
    const key = prompt('Nhập khóa trò chuyện cục bộ (Local:Key):');
    if (key) { sessionStorage.setItem('ym.localKey', key); res = await withKey(); }
  }
  return res;
}

async function send(body) {
  const chatId = $('chatId').value.trim();
  if (!chatId) { alert('Nhập mã cuộc trò chuyện trước.'); return; }
  localStorage.setItem('ym.chatId', chatId); localStorage.setItem('ym.name', $('name').value);
  add('me', body.text);
  const res = await api('/local/messages', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ chatId, name: $('name').value, group: $('group').checked, ...body }) });
  if (!res.ok) {
    const p = await res.json().catch(() => ({}));
    add('bot', 'Không gửi được: ' + (p.errors ? JSON.stringify(p.errors) : p.detail || res.status));
  }
}

$('send').onsubmit = (e) => { e.preventDefault(); const t = $('text').value; if (!t.trim()) return; $('text').value = ''; send({ text: t }); };
$('photo').onchange = async () => {
  const f = $('photo').files[0]; if (!f) return;
  const chatId = $('chatId').value.trim(); if (!chatId) { alert('Nhập mã cuộc trò chuyện trước.'); return; }
  const form = new FormData(); form.append('chatId', chatId); form.append('name', $('name').value);
  form.append('caption', $('text').value); form.append('file', f);
  add('me', '📷 ' + f.name + ($('text').value ? ' — ' + $('text').value : '')); $('text').value = '';
  const res = await api('/local/photos', { method: 'POST', body: form });
  if (!res.ok) add('bot', 'Không gửi được ảnh (' + res.status + ').');
  $('photo').value = '';
};

async function poll() {
  const chatId = $('chatId').value.trim();
  if (chatId !== current) { current = chatId; after = 0; $('log').innerHTML = ''; }
  if (chatId) {
    try {
      const res = await api('/local/messages?chatId=' + encodeURIComponent(chatId) + '&after=' + after);
      if (res.ok) for (const m of await res.json()) { after = Math.max(after, m.id); add('bot', m.text, m.choices, m.photoUrl); }
    } catch (e) { /* the bot restarts; try again */ }
  }
  setTimeout(poll, 1000);
}
const known = {};
api('/local/chats').then(r => r.json()).then(list => {
  for (const c of list) { known[c.chatId] = c; const o = document.createElement('option'); o.value = c.chatId;
    o.label = [c.displayName, c.boundTo].filter(Boolean).join(' — '); $('chats').appendChild(o); }
});
$('chatId').onchange = () => {
  const c = known[$('chatId').value.trim()];
  if (c && c.displayName) $('name').value = c.displayName;
  if (c) $('group').checked = c.chatId.startsWith('leaders-');
};
poll();
</script>
</body>
</html>
""";
}
