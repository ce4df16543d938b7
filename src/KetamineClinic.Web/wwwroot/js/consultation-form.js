// Client-side hints only; the server validates every post again.
(function () {
    'use strict';
    if (!window.aspnetValidation) {
        return;
    }
    var service = new window.aspnetValidation.ValidationService();

    // The library marks a field with CSS classes only; screen readers need aria-invalid as well, on every
    // input of the field (all the radio buttons of a group), as the server-rendered page has it.
    function markInvalid(input, invalid) {
        var group = input.form ? input.form.querySelectorAll('[name="' + input.name + '"]') : [input];
        for (var i = 0; i < group.length; i++) {
            if (group[i].type === 'hidden') {
                continue;
            }
            if (invalid) {
                group[i].setAttribute('aria-invalid', 'true');
            } else {
                group[i].removeAttribute('aria-invalid');
            }
        }
    }
    var highlight = service.highlight;
    var unhighlight = service.unhighlight;
    service.highlight = function (input, errorClass, validClass) {
        highlight.call(service, input, errorClass, validClass);
        markInvalid(input, true);
    };
    service.unhighlight = function (input, errorClass, validClass) {
        unhighlight.call(service, input, errorClass, validClass);
        markInvalid(input, false);
    };
    service.bootstrap();
})();
