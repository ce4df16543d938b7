// Client-side hints only; the server validates every post again.
(function () {
    'use strict';
    if (!window.aspnetValidation) {
        return;
    }
    var service = new window.aspnetValidation.ValidationService();
    service.bootstrap();
})();
