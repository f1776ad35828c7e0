// The interface in Vietnamese and English. Interface strings come from the dictionary below; the names of
// roles, kinds of body, kinds of change and the like come from the ontology's @vi / @en labels (setVocabulary).
// The choice is kept in localStorage and shown on <html lang>; views re-render through onLanguageChange.

const KEY = 'vietpol.lang';
export const LANGUAGES = ['vi', 'en'];

// key: [Vietnamese, English]; {name} is filled from the parameters of t().
const STRINGS = {
  'page.title': ['VietPol KG — Khám phá đồ thị', 'VietPol KG — Graph explorer'],
  'lang.switch': ['Ngôn ngữ', 'Language'],
  'search.label': ['Tìm kiếm', 'Search'],
  'search.placeholder': ['Tìm người, cơ quan, địa phương, văn bản… (gõ không dấu cũng được)',
    'Find a person, body, place, document… (diacritics optional)'],
  'search.none': ['Không tìm thấy.', 'Nothing found.'],
  'search.incomplete': ['Kết quả có thể chưa đủ: hãy gõ cụ thể hơn.', 'There may be more: type something more specific.'],
  'tab.network': ['Mạng lưới', 'Network'],
  'tab.compare': ['So sánh địa phương', 'Compare places'],
  'tab.posts': ['Chức vụ theo thời gian', 'Posts over time'],
  'tab.timeline': ['Hội nghị', 'Meetings'],
  'tab.queries': ['Truy vấn', 'Queries'],
  'tab.network.title': ['Mạng lưới quan hệ', 'Network of relations'],
  'tab.compare.title': ['So sánh lãnh đạo hai địa phương', 'Compare the leadership of two places'],
  'tab.posts.title': ['Người giữ chức vụ theo thời gian', 'Who held each post, over time'],
  'tab.timeline.title': ['Dòng thời gian hội nghị', 'Meeting timeline'],
  'tab.queries.title': ['Truy vấn có sẵn và SPARQL', 'Named queries and SPARQL'],
  'endpoint.title': ['Điểm truy vấn SPARQL, không cần script', 'SPARQL endpoint, without scripts'],
  'filters': ['Bộ lọc', 'Filters'],
  'filters.place.heading': ['Địa phương', 'Place'],
  'filters.placePick': ['Mạng lưới lãnh đạo của', 'Leadership network of'],
  'filters.asOf.heading': ['Thời điểm', 'As of'],
  'filters.asOf': ['Người giữ chức vào ngày', 'Holders on the day'],
  'filters.asOf.clear': ['Mọi thời điểm', 'Any time'],
  'filters.asOf.hint': ['Để trống: mọi chức vụ từng được nêu. Có ngày: chỉ người giữ chức vào ngày đó.',
    'Empty: every post ever stated. With a day: only those holding their posts on that day.'],
  'filters.heading': ['Lọc', 'Filter'],
  'filters.province': ['Tỉnh, thành phố', 'Province or city'],
  'filters.year': ['Năm', 'Year'],
  'filters.role': ['Chức vụ', 'Role'],
  'filters.kind': ['Loại cơ quan', 'Kind of body'],
  'filters.clear': ['Bỏ lọc', 'Clear filters'],
  'filters.fit': ['Vừa khung', 'Fit'],
  'filters.allPlaces': ['Mọi địa phương', 'All places'],
  'filters.allYears': ['Mọi năm', 'All years'],
  'filters.allRoles': ['Mọi chức vụ', 'All roles'],
  'filters.allKinds': ['Mọi loại cơ quan', 'All kinds of body'],
  'legend': ['Chú giải', 'Legend'],
  'legend.hint': ['Nhấp vào một nút để xem chi tiết; nhấp đúp để mở rộng. Mỗi lần hiển thị tối đa 300 nút.',
    'Click a node for its details; double-click to expand it. At most 300 nodes are shown at a time.'],
  'details.empty': ['Tìm một người, cơ quan hoặc địa phương, hoặc nhấp vào một nút trên mạng lưới.',
    'Search for a person, body or place, or click a node in the network.'],
  'choosePlace': ['— chọn địa phương —', '— choose a place —'],
  'loading': ['Đang tải…', 'Loading…'],
  'running': ['Đang chạy…', 'Running…'],
  'empty.graph': ['Đồ thị chưa có dữ liệu.', 'The graph holds no data yet.'],
  'unknownDate': ['không rõ ngày', 'date unknown'],
  'unknown': ['không rõ', 'unknown'],
  'group.person': ['Người', 'Person'],
  'group.organization': ['Cơ quan, tổ chức', 'Body'],
  'group.meeting': ['Hội nghị', 'Meeting'],
  'group.document': ['Văn bản', 'Document'],
  'group.article': ['Bài báo', 'Article'],
  'group.place': ['Địa phương', 'Place'],
  'rel.organizer': ['tổ chức', 'organizer'],
  'rel.chair': ['chủ trì', 'chaired'],
  'rel.attendee': ['dự', 'attended'],
  'rel.issuer': ['ban hành', 'issued'],
  'rel.part': ['trực thuộc', 'part of'],
  'rel.cites': ['nhắc đến', 'mentions'],
  'net.summary': ['{nodes} nút · {edges} cạnh', '{nodes} nodes · {edges} edges'],
  'net.limit': [' · đã đạt giới hạn {max} nút', ' · reached the limit of {max} nodes'],
  'net.left': [' · {n} nút chưa hiển thị (lọc hoặc mở từ nút khác)', ' · {n} nodes not shown (filter, or open them from another node)'],
  'net.asOf': [' · người giữ chức ngày {date}', ' · holders on {date}'],
  'details.expand': ['Mở rộng', 'Expand'],
  'details.expand.title': ['Thêm các nút lân cận (hoặc nhấp đúp vào nút)', 'Add the neighbouring nodes (or double-click the node)'],
  'details.postsTimeline': ['Dòng thời gian chức vụ', 'Posts over time'],
  'details.career': ['Quá trình công tác', 'Career'],
  'details.altNames': ['Tên khác', 'Other names'],
  'details.positions': ['Chức vụ', 'Positions'],
  'details.positionsOverTime': ['Chức vụ theo thời gian', 'Positions over time'],
  'details.noPositions': ['Không có chức vụ nào.', 'No positions.'],
  'details.articles': ['{n} bài', '{n} articles'],
  'details.meetings': ['Hội nghị', 'Meetings'],
  'details.sources': ['Câu nguồn', 'Source sentences'],
  'details.noSources': ['Không có câu nguồn.', 'No source sentences.'],
  'details.place': ['Địa phương', 'Place'],
  'details.parent': ['Trực thuộc', 'Part of'],
  'details.children': ['Cơ quan trực thuộc', 'Bodies under it'],
  'details.members': ['Thành viên theo thời gian', 'Members over time'],
  'details.membersTitle': ['Thành viên', 'Members'],
  'details.noMembers': ['Chưa có ai.', 'Nobody yet.'],
  'details.role': ['Chức vụ', 'Role'],
  'details.person': ['Người', 'Person'],
  'details.period': ['Thời gian', 'Period'],
  'details.heldMeetings': ['Hội nghị đã tổ chức', 'Meetings held'],
  'details.issued': ['Văn bản ban hành', 'Documents issued'],
  'details.date': ['Ngày', 'Date'],
  'details.type': ['Loại', 'Type'],
  'details.organizer': ['Cơ quan tổ chức', 'Organized by'],
  'details.chairs': ['Chủ trì', 'Chaired by'],
  'details.attendees': ['Tham dự', 'Attended by'],
  'details.article': ['Bài báo', 'Articles'],
  'details.number': ['Số hiệu', 'Number'],
  'details.issuedOn': ['Ngày ban hành', 'Issued on'],
  'details.issuer': ['Cơ quan ban hành', 'Issued by'],
  'details.citedBy': ['Bài báo nhắc đến', 'Articles citing it'],
  'details.title': ['Tiêu đề', 'Title'],
  'details.id': ['Mã', 'Identifier'],
  'details.published': ['Ngày đăng', 'Published'],
  'details.source': ['Nguồn', 'Source'],
  'details.under': ['Thuộc', 'Under'],
  'details.bodies': ['Cơ quan', 'Bodies'],
  'details.leadership': ['Lãnh đạo', 'Leadership'],
  'details.leadershipOn': ['Lãnh đạo ngày {date}', 'Leadership on {date}'],
  'details.noLeadership': ['Chưa có dữ liệu lãnh đạo.', 'No leadership data yet.'],
  'details.since': ['từ {date}', 'since {date}'],
  'timeline.axis': ['Dòng thời gian', 'Timeline'],
  'compare.body': ['Cơ quan', 'Body'],
  'compare.place1': ['Địa phương 1', 'Place 1'],
  'compare.place2': ['Địa phương 2', 'Place 2'],
  'meetings.place': ['Địa phương', 'Place'],
  'meetings.year': ['Năm', 'Year'],
  'meetings.count': ['{n} hội nghị', '{n} meetings'],
  'meetings.cut': [' (chỉ {n} gần nhất; hãy lọc theo địa phương hoặc năm)', ' (only the latest {n}; filter by place or year)'],
  'meetings.undated': ['Không rõ ngày', 'Date unknown'],
  'meetings.one': ['Hội nghị', 'Meeting'],
  'meetings.strip': ['Hội nghị theo thời gian', 'Meetings over time'],
  'queries.name': ['Truy vấn', 'Query'],
  'queries.run': ['Chạy truy vấn', 'Run the query'],
  'queries.runEdited': ['Chạy SPARQL đã sửa', 'Run the edited SPARQL'],
  'queries.hint': ['Gửi thẳng tới điểm truy vấn vietpol/sparql (chỉ đọc).', 'Sent as it is to the vietpol/sparql endpoint (read only).'],
  'queries.optional': ['tùy chọn', 'optional'],
  'queries.required': ['bắt buộc', 'required'],
  'queries.noParams': ['Truy vấn này không có tham số.', 'This query has no parameters.'],
  'queries.true': ['Đúng (true)', 'true'],
  'queries.false': ['Sai (false)', 'false'],
  'queries.csv': ['Tải CSV', 'Download CSV'],
  'queries.rows': ['{n} dòng ', '{n} rows '],
  'queries.onNetwork': ['Xem trên mạng lưới', 'Show on the network'],
  'posts.place': ['Địa phương', 'Place'],
  'posts.body': ['Cơ quan', 'Body'],
  'posts.allBodies': ['Mọi cơ quan', 'All bodies'],
  'posts.none': ['Chưa có thời gian giữ chức nào cho nơi này.', 'No tenures known here yet.'],
  'posts.choose': ['Chọn một địa phương hoặc cơ quan.', 'Choose a place or a body.'],
  'posts.undated': ['Không rõ thời gian: {names}', 'Dates unknown: {names}'],
  'posts.today': ['hôm nay', 'today'],
  'posts.ongoing': ['đang giữ chức', 'ongoing'],
  'posts.acting': ['quyền', 'acting'],
  'posts.legend.bar': ['thời gian giữ chức', 'tenure'],
  'posts.legend.open': ['chưa kết thúc', 'not ended'],
  'posts.legend.acting': ['giữ quyền', 'acting'],
  'posts.legend.start': ['nhận chức', 'took the post'],
  'posts.legend.end': ['thôi chức', 'left the post'],
  'posts.hint': ['Di chuột hoặc chọn một thanh để xem câu nguồn; nhấp để xem quá trình công tác của người đó.',
    'Hover over or focus a bar for its source sentences; click it for the person’s career.'],
  'posts.from': ['Bắt đầu', 'Began'],
  'posts.to': ['Kết thúc', 'Ended'],
  'posts.basis': ['căn cứ: {basis}', 'basis: {basis}'],
  'posts.predecessor': ['Người tiền nhiệm', 'Predecessor'],
  'posts.successor': ['Người kế nhiệm', 'Successor'],
  'posts.careerOf': ['Quá trình công tác: {name}', 'Career: {name}'],
  'posts.noCareer': ['Chưa có thời gian giữ chức nào.', 'No tenures known.'],
  'posts.post': ['Chức vụ', 'Post'],
  'posts.period': ['Thời gian', 'Period'],
  'posts.notes': ['Ghi chú', 'Notes'],
};

let current = (() => {
  try {
    const saved = localStorage.getItem(KEY);
    return LANGUAGES.includes(saved) ? saved : 'vi';
  } catch {
    return 'vi';
  }
})();
let vocabulary = {vi: {}, en: {}};
const listeners = [];

export const lang = () => current;

/** An interface string in the current language, e.g. t('net.summary', {nodes: 3, edges: 2}). */
export function t(key, params = {}) {
  const pair = STRINGS[key];
  const text = pair ? pair[current === 'en' ? 1 : 0] : key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/** The ontology's labels, {vi: {Secretary: 'Bí thư', ...}, en: {Secretary: 'Secretary', ...}}. */
export function setVocabulary(labels) {
  vocabulary = {vi: {}, en: {}, ...labels};
}

/** The name of an ontology term by local name (Secretary, PartyCommittee, Elected ...) in the current language. */
export function term(key) {
  return vocabulary[current][key] || vocabulary.vi[key] || key;
}

export function onLanguageChange(fn) {
  listeners.push(fn);
}

export function setLanguage(value) {
  if (!LANGUAGES.includes(value) || value === current) return;
  current = value;
  try {
    localStorage.setItem(KEY, value);
  } catch {
    // private mode: the choice lasts for this page only
  }
  translatePage();
  for (const fn of listeners) fn(value);
}

/**
 * Fills the page's own strings: data-i18n sets an element's text, data-i18n-placeholder, -title and -aria-label
 * its attributes. Sets <html lang> and the document title.
 */
export function translatePage(root = document) {
  document.documentElement.lang = current;
  document.title = t('page.title');
  for (const e of root.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
  for (const attr of ['placeholder', 'title', 'aria-label']) {
    const data = 'i18n' + attr.replace(/(^|-)(\w)/g, (m, dash, c) => c.toUpperCase());
    for (const e of root.querySelectorAll(`[data-i18n-${attr}]`)) e.setAttribute(attr, t(e.dataset[data]));
  }
  for (const b of root.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === current));
}
