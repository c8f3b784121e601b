const vi = {
  tab: 'Hỗ trợ kỹ thuật',
  bundle: {
    title: 'Gói thông tin hỗ trợ',
    intro:
      'Tạo một tệp .zip gồm nhật ký 7 ngày gần nhất, phiên bản phần mềm, cấu hình (không kèm mật khẩu, khoá) và thống kê cơ sở dữ liệu. Gói không chứa hồ sơ, họ tên, số định danh hay số điện thoại. Gửi tệp này cho bộ phận hỗ trợ khi được yêu cầu.',
    create: 'Tạo gói hỗ trợ',
    created: 'Đã tạo gói hỗ trợ',
    where: 'Tệp nằm trên máy chủ văn phòng (máy cài đặt chính) tại:',
    size: 'Dung lượng: {{size}}',
  },
  updates: {
    title: 'Cập nhật phần mềm',
    version: 'Phiên bản đang chạy: {{v}}',
    source: 'Máy chủ cập nhật của tỉnh',
    sourceHelp: 'Để trống để dùng địa chỉ có sẵn trong bộ cài. Chỉ nhận https://, hoặc http:// theo địa chỉ IP trong mạng nội bộ.',
    save: 'Lưu địa chỉ',
    saved: 'Đã lưu địa chỉ máy chủ cập nhật',
    check: 'Kiểm tra cập nhật',
    browserOnly:
      'Cập nhật được thực hiện trên từng máy đã cài ứng dụng (máy quầy, máy chủ văn phòng). Mở màn hình này trong ứng dụng trên máy đó để kiểm tra cập nhật.',
    state: {
      disabled: 'Tự cập nhật đang tắt: {{reason}}',
      idle: 'Chưa kiểm tra lần nào trong phiên này.',
      checking: 'Đang kiểm tra…',
      upToDate: 'Đang dùng phiên bản mới nhất (kiểm tra lúc {{at}}).',
      downloading: 'Đang tải phiên bản {{v}}: {{p}}%',
      waiting: 'Đã tải phiên bản {{v}}. {{reason}}',
      installing: 'Đang cài phiên bản {{v}}; ứng dụng sẽ tự mở lại.',
      error: '{{message}}',
    },
  },
};

type Catalog = typeof vi;

const en: Catalog = {
  tab: 'Technical support',
  bundle: {
    title: 'Support bundle',
    intro:
      'Creates a .zip with the last 7 days of logs, software versions, settings (without passwords or keys) and database statistics. It holds no dossiers, names, ID numbers or phone numbers. Send it to technical support when asked.',
    create: 'Create support bundle',
    created: 'Support bundle created',
    where: 'The file is on the office host PC at:',
    size: 'Size: {{size}}',
  },
  updates: {
    title: 'Software updates',
    version: 'Running version: {{v}}',
    source: 'Province update server',
    sourceHelp: 'Leave empty to use the address built into the installer. Only https://, or http:// to a LAN IP address.',
    save: 'Save address',
    saved: 'Update server address saved',
    check: 'Check for updates',
    browserOnly: 'Each PC with the app installed (counter PCs, the office host) updates itself. Open this screen in the app on that PC to check for updates.',
    state: {
      disabled: 'Automatic updates are off: {{reason}}',
      idle: 'Not checked yet in this session.',
      checking: 'Checking…',
      upToDate: 'Up to date (checked at {{at}}).',
      downloading: 'Downloading version {{v}}: {{p}}%',
      waiting: 'Version {{v}} downloaded. {{reason}}',
      installing: 'Installing version {{v}}; the app will restart.',
      error: '{{message}}',
    },
  },
};

export const diagnosticsStrings = { vi, en };
