// Tasklist as this project's people use it (loaded by scripts/config.js, customScripts):
//
// 1. "Tạo công việc" (a free task outside every plan) is for administrators only: units, the Office and leadership work
//    on the tasks their plans give them, and may not create others. styles/user-styles.css hides the action until the
//    person signed in is known to be an administrator (the webapps' own answer: they may open Admin).
// 2. A refusal the server explains in Vietnamese is shown as that sentence alone. Tasklist puts the name of the data
//    it was loading in front of it, escaped ("&lt;task&gt; &lt;- Không tìm thấy công việc này…", its data-depend error
//    format), as the notification's title, and the same sentence again as its text.
// 3. A list is sorted by priority, then by due date, until the person chooses another order: urgent difficulties
//    (priority 80) come first, then what falls due soonest. Tasklist reads its order from the address ("sorting"),
//    and sorts by creation, newest first, when the address has none.

const ADMINISTRATOR = 'dx-administrator';
// "<task> <- ", as text or escaped, once or nested ("<form> <- <task> <- ").
const TECHNICAL_PREFIX = /^(?:\s*(?:<[^<>]*>|&lt;(?:(?!&gt;).)*&gt;)?\s*(?:<|&lt;)-\s*)+/;

const URGENT_FIRST = JSON.stringify([{sortBy: 'priority', sortOrder: 'desc'}, {sortBy: 'dueDate', sortOrder: 'asc'}]);

const appRoot = (document.querySelector('base') && document.querySelector('base').getAttribute('app-root')) || '/camunda';
let asking = null;

function checkAdministrator() {
  if (asking) {
    return asking;
  }
  asking = fetch(appRoot + '/api/admin/auth/user/default', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then((response) => (response.ok ? response.json() : null))
    .then((user) => {
      const administrator = !!(user && Array.isArray(user.authorizedApps) && user.authorizedApps.indexOf('admin') >= 0);
      document.body.classList.toggle(ADMINISTRATOR, administrator);
    })
    .catch(() => document.body.classList.remove(ADMINISTRATOR))
    .finally(() => {
      asking = null;
    });
  return asking;
}

function withoutTechnicalPrefix() {
  document.querySelectorAll('.notifications .alert').forEach((alert) => {
    const status = alert.querySelector('.status');
    const message = alert.querySelector('.message');
    [status, message].forEach((element) => {
      const text = element ? element.textContent : '';
      const clean = text.replace(TECHNICAL_PREFIX, '');
      if (clean !== text) {
        element.textContent = clean;
      }
    });
    if (status && message && status.textContent.trim() === message.textContent.trim() && status.style.display !== 'none') {
      // The sentence once: the title (and its colon) give way to the text.
      alert.querySelectorAll('strong').forEach((strong) => {
        strong.style.display = 'none';
      });
    }
  });
}

let createTaskSeen = false;
new MutationObserver(() => {
  withoutTechnicalPrefix();
  // The action appears when the navigation is drawn, after each sign-in: ask who signed in then.
  const createTask = !!document.querySelector('.create-task-action');
  if (createTask && !createTaskSeen) {
    checkAdministrator();
  }
  createTaskSeen = createTask;
}).observe(document.documentElement, {childList: true, subtree: true, characterData: true});

function urgentFirst() {
  const hash = window.location.hash || '#/';
  const [path, query = ''] = hash.slice(1).split('?');
  if (path !== '/' && path !== '') {
    return;
  }
  const params = new URLSearchParams(query);
  if (params.has('sorting')) {
    return;
  }
  params.set('sorting', URGENT_FIRST);
  window.location.replace('#/?' + params.toString());
}

window.addEventListener('hashchange', () => {
  urgentFirst();
  checkAdministrator();
});
urgentFirst();
checkAdministrator();

export default [];
