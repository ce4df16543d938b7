// Client-side checks for every form whose fields carry data-val attributes; the server validates every post again.
// A form that fails them shows the same error summary the server renders (Views/Shared/_ErrorSummary.cshtml),
// with focus moved to it, so a visitor meets one pattern with or without JavaScript.
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

    // The server links a problem to the element whose id is the field's name (a radio group's fieldset),
    // or else to the field itself.
    function linkTarget(form, name, input) {
        var named = document.getElementById(name);
        return named && form.contains(named) ? name : input.id;
    }

    function problems(form) {
        var seen = {};
        var list = [];
        var inputs = form.querySelectorAll('[data-val="true"][aria-invalid="true"]');
        for (var i = 0; i < inputs.length; i++) {
            var input = inputs[i];
            if (seen[input.name]) {
                continue;
            }
            seen[input.name] = true;
            var message = form.querySelector('[data-valmsg-for="' + input.name + '"]');
            var text = message ? message.textContent.trim() : '';
            if (text) {
                list.push({ id: linkTarget(form, input.name, input), message: text });
            }
        }
        return list;
    }

    function showSummary(form) {
        var list = problems(form);
        if (list.length === 0) {
            return false;
        }
        var summary = document.createElement('div');
        summary.className = 'error-summary';
        summary.setAttribute('role', 'alert');
        summary.setAttribute('aria-labelledby', 'error-summary-title');
        summary.tabIndex = -1;
        var heading = document.createElement('h2');
        heading.id = 'error-summary-title';
        heading.textContent = 'There is a problem';
        summary.appendChild(heading);
        var items = document.createElement('ul');
        list.forEach(function (problem) {
            var item = document.createElement('li');
            var link = document.createElement('a');
            link.href = '#' + problem.id;
            link.textContent = problem.message;
            item.appendChild(link);
            items.appendChild(item);
        });
        summary.appendChild(items);

        var existing = document.querySelector('.error-summary');
        if (existing) {
            existing.replaceWith(summary);
        } else {
            form.parentNode.insertBefore(summary, form);
        }
        if (document.title.indexOf('Error: ') !== 0) {
            document.title = 'Error: ' + document.title;
        }
        summary.focus();
        return true;
    }

    var focusFirstInvalid = service.focusFirstInvalid;
    service.focusFirstInvalid = function (form) {
        if (!showSummary(form)) {
            focusFirstInvalid.call(service, form);
        }
    };

    // A link in the summary moves focus to its field, as on the server's page.
    document.addEventListener('click', function (event) {
        var link = event.target.closest && event.target.closest('.error-summary a[href^="#"]');
        if (!link) {
            return;
        }
        var target = document.getElementById(link.getAttribute('href').slice(1));
        if (!target) {
            return;
        }
        var field = target.matches('input, select, textarea') ? target : target.querySelector('input, select, textarea');
        if (field) {
            event.preventDefault();
            target.scrollIntoView();
            field.focus();
        }
    });
    service.bootstrap();
})();
