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

// Camunda Forms' date fields take their format from the browser's own locale (an English browser shows
// mm/dd/yyyy) and their calendar from flatpickr's English default. In Vietnamese both follow Vietnamese
// usage whatever the browser's language: dd/mm/yyyy, "Tháng 12", weeks starting on Monday.
if (chosen === 'vi') {
  const BrowserDateTimeFormat = Intl.DateTimeFormat;
  const VietnameseByDefault = function DateTimeFormat(requested, options) {
    const locale = requested === undefined || requested === 'default' ? 'vi-VN' : requested;
    return new BrowserDateTimeFormat(locale, options);
  };
  VietnameseByDefault.prototype = BrowserDateTimeFormat.prototype;
  VietnameseByDefault.supportedLocalesOf = BrowserDateTimeFormat.supportedLocalesOf;
  Intl.DateTimeFormat = VietnameseByDefault;

  const months = Array.from({length: 12}, (unused, index) => 'Tháng ' + (index + 1));
  const calendar = {
    weekdays: {
      shorthand: ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'],
      longhand: ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy']
    },
    months: {shorthand: months.map((unused, index) => 'Th' + (index + 1)), longhand: months},
    firstDayOfWeek: 1,
    rangeSeparator: ' đến ',
    weekAbbreviation: 'Tuần',
    scrollTitle: 'Cuộn để thay đổi',
    toggleTitle: 'Bấm để chuyển',
    yearAriaLabel: 'Năm',
    monthAriaLabel: 'Tháng',
    hourAriaLabel: 'Giờ',
    minuteAriaLabel: 'Phút',
    time_24hr: true
  };
  // flatpickr registers itself as window.flatpickr when Camunda Forms first loads; localise it then.
  let flatpickr = window.flatpickr;
  const localise = (library) => library && typeof library.localize === 'function' && library.localize(calendar);
  localise(flatpickr);
  Object.defineProperty(window, 'flatpickr', {
    configurable: true,
    get: () => flatpickr,
    set: (library) => {
      flatpickr = library;
      localise(library);
    }
  });
}
