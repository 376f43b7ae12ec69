// The language of the Camunda webapps, shared by the four apps' config.js: Vietnamese for everyone by
// default, whatever the browser's language; English once chosen with ?lang=en (remembered in this browser,
// ?lang=vi switches back).
const chosen = (function () {
  try {
    const asked = new URLSearchParams(window.location.search).get('lang');
    if (asked === 'vi' || asked === 'en') {
      window.localStorage.setItem('dx-locale', asked);
    }
    return window.localStorage.getItem('dx-locale') === 'en' ? 'en' : 'vi';
  } catch (e) {
    return 'vi';
  }
})();

export const locales = {
  availableLocales: [chosen],
  fallbackLocale: chosen
};

// Dates dd/MM/yyyy: see the dateLocales of each app's locales/vi.json.
export const dateFormat = {
  normal: 'L LT',
  long: 'LLLL'
};
