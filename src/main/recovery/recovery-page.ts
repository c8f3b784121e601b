/**
 * The one page the recovery server shows. Self-contained (no renderer bundle: the normal UI needs
 * the database this mode exists to repair); its script is served as a file so the strict CSP holds.
 */
export const RECOVERY_HTML = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Một cửa Desk — Khôi phục dữ liệu</title>
<style>
  body { font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; background: #f5f6f8; color: #1f2328; margin: 0; }
  main { max-width: 720px; margin: 48px auto; background: #fff; border-radius: 10px; padding: 28px 32px; box-shadow: 0 2px 12px rgba(0,0,0,.08); }
  h1 { font-size: 22px; margin-top: 0; color: #a8071a; }
  .problem { background: #fff1f0; border: 1px solid #ffa39e; padding: 12px 14px; border-radius: 6px; }
  table { width: 100%; border-collapse: collapse; margin: 12px 0; font-size: 14px; }
  th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #eee; }
  label { display: block; margin: 16px 0 6px; font-weight: 600; }
  input { width: 100%; box-sizing: border-box; padding: 10px; font-size: 16px; border: 1px solid #bbb; border-radius: 6px; }
  button { margin-top: 14px; padding: 10px 18px; font-size: 16px; background: #0b5cad; color: #fff; border: 0; border-radius: 6px; cursor: pointer; }
  button[disabled] { background: #8aa9c9; cursor: wait; }
  .result { margin-top: 16px; padding: 12px 14px; border-radius: 6px; }
  .ok { background: #f6ffed; border: 1px solid #b7eb8f; }
  .err { background: #fff1f0; border: 1px solid #ffa39e; }
  .hint { color: #57606a; font-size: 14px; }
</style>
</head>
<body>
<main>
  <h1>Cơ sở dữ liệu không mở được</h1>
  <p class="problem" data-testid="recovery-problem">Đang kiểm tra…</p>
  <p class="hint">Máy chủ văn phòng đang ở <b>chế độ khôi phục</b>: các quầy tạm thời không làm việc được. Tệp dữ liệu hỏng sẽ được giữ lại (thư mục <code>restore/</code>) để kỹ thuật viên xem xét.</p>
  <h2>Các bản sao lưu</h2>
  <table data-testid="recovery-backups"><thead><tr><th>Tệp</th><th>Tạo lúc</th><th>Dung lượng</th></tr></thead><tbody></tbody></table>
  <form id="restore-form">
    <label for="passphrase">Mật khẩu sao lưu</label>
    <input id="passphrase" type="password" autocomplete="off" data-testid="recovery-passphrase" autofocus>
    <button type="submit" data-testid="recovery-submit">Khôi phục từ bản sao lưu tốt mới nhất</button>
  </form>
  <div id="result" data-testid="recovery-result" hidden></div>
</main>
<script src="/recovery.js"></script>
</body>
</html>`;

export const RECOVERY_JS = `(function () {
  var call = function (method, input) {
    return fetch('/api/' + method, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input || {}) })
      .then(function (r) { return r.json(); });
  };
  var problem = document.querySelector('[data-testid="recovery-problem"]');
  var tbody = document.querySelector('[data-testid="recovery-backups"] tbody');
  var result = document.getElementById('result');
  var button = document.querySelector('[data-testid="recovery-submit"]');
  var show = function (ok, text) {
    result.hidden = false;
    result.className = 'result ' + (ok ? 'ok' : 'err');
    result.textContent = text;
  };
  var mb = function (n) { return n < 1048576 ? Math.max(1, Math.round(n / 1024)) + ' KB' : (n / 1048576).toFixed(1) + ' MB'; };
  call('recovery.status').then(function (r) {
    if (!r.ok) { problem.textContent = r.error.message; return; }
    if (r.value.mode === 'normal') { location.href = '/'; return; }
    problem.textContent = r.value.problem + (r.value.dataDirWritable ? '' : ' Thư mục dữ liệu đang chỉ cho đọc: hãy sửa quyền ghi trước khi khôi phục.');
    if (!r.value.backups.length) {
      var row = document.createElement('tr');
      var cell = document.createElement('td');
      cell.colSpan = 3;
      cell.textContent = 'Không có bản sao lưu nào trong thư mục dữ liệu. Dùng lệnh backup-cli với tệp từ ổ USB / thư mục mạng.';
      row.appendChild(cell);
      tbody.appendChild(row);
      button.disabled = true;
    }
    r.value.backups.forEach(function (b) {
      var tr = document.createElement('tr');
      [b.file, b.createdAt.replace('T', ' ').slice(0, 19), mb(b.size)].forEach(function (v) {
        var td = document.createElement('td');
        td.textContent = v;
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
  });
  var waitForApp = function () {
    call('system.status').then(function (r) {
      if (r.ok) { location.href = '/'; } else { setTimeout(waitForApp, 1000); }
    }, function () { setTimeout(waitForApp, 1000); });
  };
  document.getElementById('restore-form').addEventListener('submit', function (e) {
    e.preventDefault();
    button.disabled = true;
    show(true, 'Đang giải mã và kiểm tra bản sao lưu…');
    call('recovery.restoreLatest', { passphrase: document.getElementById('passphrase').value }).then(function (r) {
      if (!r.ok) { button.disabled = false; show(false, r.error.message); return; }
      show(true, 'Đã khôi phục bản sao lưu ' + r.value.restoredFrom + ' (tạo lúc ' + r.value.createdAt.replace('T', ' ').slice(0, 19) + '). Đang mở lại ứng dụng…');
      setTimeout(waitForApp, 500);
    }, function () { button.disabled = false; show(false, 'Không kết nối được máy chủ.'); });
  });
})();`;
