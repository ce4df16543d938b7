using System.Net;
using KetamineClinic.Data.Entities;
using KetamineClinic.IntegrationTests.Infrastructure;
using KetamineClinic.Web.Features.Consultation;
using KetamineClinic.Web.Forms;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace KetamineClinic.IntegrationTests.Consultation;

public sealed class ConsultationFormTests(ConsultationAppFactory factory) : IClassFixture<ConsultationAppFactory>
{
    [Fact]
    public async Task The_form_has_labelled_fields_the_emergency_notice_and_deferred_client_validation()
    {
        using var client = factory.CreateBrowser();
        var document = await client.GetDocumentAsync("/consultation");

        string LabelFor(string id) => document.QuerySelector($"label[for={id}]")?.TextContent.Trim() ?? "";
        Assert.StartsWith("First name", LabelFor("FirstName"), StringComparison.Ordinal);
        Assert.StartsWith("Last name", LabelFor("LastName"), StringComparison.Ordinal);
        Assert.StartsWith("Email", LabelFor("Email"), StringComparison.Ordinal);
        Assert.StartsWith("Phone", LabelFor("Phone"), StringComparison.Ordinal);
        Assert.StartsWith("State", LabelFor("State"), StringComparison.Ordinal);
        Assert.StartsWith("What would you like help with?", LabelFor("HelpWith"), StringComparison.Ordinal);
        Assert.StartsWith("I agree to be contacted", LabelFor("Consent"), StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("label[for=Consent] a[href='/privacy']"));
        Assert.Contains("18 or older", LabelFor("IsAdult"), StringComparison.Ordinal);
        Assert.Equal("Leave this field empty", LabelFor("Website"));
        Assert.Equal("-1", document.QuerySelector("#Website")!.GetAttribute("tabindex"));

        var contact = document.QuerySelector("fieldset#PreferredContact")!;
        Assert.StartsWith("Preferred contact method", contact.QuerySelector("legend")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(["Phone call", "Text message", "Email"], contact.QuerySelectorAll("label").Select(l => l.TextContent.Trim()));
        Assert.Equal(52, document.QuerySelectorAll("#State option").Length); // 50 states, DC and the prompt
        Assert.Equal(4, document.QuerySelectorAll("fieldset.choices-inline").Length);
        Assert.All(document.QuerySelectorAll("fieldset.choices-inline"), f => Assert.Equal(3, f.QuerySelectorAll("input[type=radio]").Length));

        var notice = document.QuerySelector("main .notice")!.TextContent;
        Assert.Contains("988", notice, StringComparison.Ordinal);
        Assert.Contains("911", notice, StringComparison.Ordinal);

        // FluentValidation's client adapters turned the rules into data-val attributes.
        var firstName = document.QuerySelector("#FirstName")!;
        Assert.Equal("true", firstName.GetAttribute("data-val"));
        Assert.NotNull(firstName.GetAttribute("data-val-required"));
        Assert.NotNull(document.QuerySelector("#HelpWith")!.GetAttribute("data-val-maxlength") ?? document.QuerySelector("#HelpWith")!.GetAttribute("data-val-length"));

        var scripts = document.QuerySelectorAll("script[src]").ToList();
        // Fingerprinted by MapStaticAssets: /lib/aspnet-client-validation/aspnet-validation.min.{hash}.js.
        Assert.Contains(scripts, s => System.Text.RegularExpressions.Regex.IsMatch(s.GetAttribute("src")!, @"^/lib/aspnet-client-validation/aspnet-validation\.min\.[a-z0-9]+\.js$") && s.HasAttribute("defer"));
        var script = await client.GetAsync(scripts[0].GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task Posting_a_valid_form_stores_one_request_and_two_emails_and_redirects_to_the_confirmation()
    {
        using var client = factory.CreateBrowser();
        var fields = ConsultationFormPoster.ValidFields();
        fields["Concerns"] = "ptsd";
        fields["HeartCondition"] = "PreferToDiscuss";
        fields["BestTimeToReach"] = "Weekday mornings";
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", "Browser/" + new string('9', 600));

        using var response = await client.SubmitAsync(fields);

        var reference = ConsultationFormPoster.ReferenceFrom(response);
        await using var scope = factory.CreateDbScope();
        var stored = await scope.Db.ConsultationRequests.AsNoTracking().Include(r => r.Emails).SingleAsync(r => r.Reference == reference);
        Assert.Equal("Avery", stored.FirstName);
        Assert.Equal("+13125550199", stored.Phone);
        Assert.Equal(ContactMethod.TextMessage, stored.PreferredContact);
        Assert.Equal("IL", stored.State);
        Assert.Equal("Weekday mornings", stored.BestTimeToReach);
        Assert.Equal(RequestStatus.New, stored.Status);
        Assert.False(stored.IsUrgent);
        Assert.True(stored.ConsentGiven && stored.IsAdultConfirmed);
        Assert.Contains("\"ptsd\"", stored.HealthAnswers, StringComparison.Ordinal);
        Assert.Contains("PreferToDiscuss", stored.HealthAnswers, StringComparison.Ordinal);
        Assert.Equal(DateTimeKind.Utc, stored.CreatedAt.Kind);
        Assert.Equal(512, stored.UserAgent!.Length);
        Assert.StartsWith("Browser/999", stored.UserAgent, StringComparison.Ordinal);
        Assert.InRange(stored.CreatedAt, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(
            [EmailKind.StaffNotification, EmailKind.Acknowledgement],
            stored.Emails.Select(e => e.Kind).Order());
        var mail = await PickupMail.SentForAsync(factory, reference);
        Assert.Equal("avery.quinn@example.com", mail[EmailKind.Acknowledgement].To.Mailboxes.Single().Address);
        Assert.Equal("intake@clinic.test", mail[EmailKind.StaffNotification].To.Mailboxes.Single().Address);

        var confirmation = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(reference, confirmation.QuerySelector("[data-testid=reference]")!.TextContent);
        Assert.Contains("within one business day", confirmation.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(confirmation.QuerySelector("main a[href='tel:+13125550147']"));
        Assert.Null(confirmation.QuerySelector(".crisis-resources"));
        Assert.Null(confirmation.QuerySelector("main a[href='tel:988']")); // the footer's calm line is the pointer
        Assert.NotNull(confirmation.QuerySelector("footer a[href='tel:988']"));
        Assert.Equal("a•••@example.com", confirmation.QuerySelector("[data-testid=masked-email]")!.TextContent);
        Assert.DoesNotContain("avery.quinn", confirmation.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(confirmation.QuerySelector("main a[href='/articles/preparing-for-your-first-visit']"));
    }

    [Fact]
    public async Task The_confirmation_shows_the_reference_only_to_the_browser_that_sent_the_request()
    {
        using var sender = factory.CreateBrowser();
        var reference = ConsultationFormPoster.ReferenceFrom(await sender.SubmitAsync(ConsultationFormPoster.ValidFields()));

        using var stranger = factory.CreateBrowser();
        using var response = await stranger.GetAsync($"/consultation/received/{reference}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Null(page.QuerySelector("[data-testid=reference]"));
        Assert.Null(page.QuerySelector("[data-testid=masked-email]"));
        Assert.DoesNotContain(reference, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posting_the_same_form_twice_creates_one_request_and_shows_the_same_reference()
    {
        using var client = factory.CreateBrowser();
        var hidden = await client.OpenFormAsync();
        var key = Guid.Parse(hidden.Single(f => f.Key == "IdempotencyKey").Value);
        var fields = ConsultationFormPoster.ValidFields();

        using var first = await client.PostFormAsync(hidden, fields);
        using var second = await client.PostFormAsync(hidden, fields);

        Assert.Equal(ConsultationFormPoster.ReferenceFrom(first), ConsultationFormPoster.ReferenceFrom(second));
        await using var scope = factory.CreateDbScope();
        Assert.Equal(1, await scope.Db.ConsultationRequests.CountAsync(r => r.IdempotencyKey == key));
        var id = await scope.Db.ConsultationRequests.Where(r => r.IdempotencyKey == key).Select(r => r.Id).SingleAsync();
        Assert.Equal(2, await scope.Db.OutboxMessages.CountAsync(m => m.ConsultationRequestId == id));
    }

    [Fact]
    public async Task Concurrent_posts_of_the_same_form_create_one_request()
    {
        using var client = factory.CreateBrowser();
        var hidden = await client.OpenFormAsync();
        var key = Guid.Parse(hidden.Single(f => f.Key == "IdempotencyKey").Value);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostFormAsync(hidden, ConsultationFormPoster.ValidFields())));

        Assert.Single(responses.Select(ConsultationFormPoster.ReferenceFrom).Distinct());
        await using var scope = factory.CreateDbScope();
        Assert.Equal(1, await scope.Db.ConsultationRequests.CountAsync(r => r.IdempotencyKey == key));
    }

    [Fact]
    public async Task Concurrent_posts_of_different_forms_each_store_their_own_request_and_emails()
    {
        // Sent at once, they are stored in shared transactions (a group commit); each must still get its own
        // reference, and its emails must name it and link to its own database id.
        const int Senders = 24;
        var browsers = Enumerable.Range(0, Senders).Select(_ => factory.CreateBrowser()).ToList();
        var forms = await Task.WhenAll(browsers.Select(b => b.OpenFormAsync()));
        var posts = browsers.Select((browser, i) =>
        {
            var fields = ConsultationFormPoster.ValidFields();
            fields["FirstName"] = $"Sender{i}";
            fields["Email"] = $"sender{i}@example.com";
            return browser.PostFormAsync(forms[i], fields);
        });
        var responses = await Task.WhenAll(posts);

        var references = responses.Select(ConsultationFormPoster.ReferenceFrom).ToList();
        Assert.Equal(Senders, references.Distinct().Count());
        await using var scope = factory.CreateDbScope();
        for (var i = 0; i < Senders; i++)
        {
            var reference = references[i];
            var request = await scope.Db.ConsultationRequests.AsNoTracking().SingleAsync(r => r.Reference == reference);
            Assert.Equal($"Sender{i}", request.FirstName);
            Assert.Equal(2, await scope.Db.OutboxMessages.CountAsync(m => m.ConsultationRequestId == request.Id));
            var mail = await PickupMail.SentForAsync(factory, reference);
            var staff = mail[EmailKind.StaffNotification];
            Assert.Contains(reference, staff.Subject, StringComparison.Ordinal);
            Assert.Contains($"/staff/requests/{request.Id}", staff.TextBody, StringComparison.Ordinal);
            var acknowledgement = mail[EmailKind.Acknowledgement];
            Assert.Equal($"sender{i}@example.com", acknowledgement.To.Mailboxes.Single().Address);
            Assert.Contains(reference, acknowledgement.TextBody, StringComparison.Ordinal);
        }

        foreach (var browser in browsers)
        {
            browser.Dispose();
        }
    }

    [Theory]
    [InlineData("Lately I have been thinking about suicide.")]
    [InlineData("Some days I want to END MY LIFE")]
    [InlineData("I have a history of self-harm")]
    [InlineData("I keep thinking I could kill myself")]
    public async Task Free_text_that_suggests_a_crisis_flags_the_request_urgent_and_puts_crisis_resources_first(string helpWith)
    {
        using var client = factory.CreateBrowser();
        using var response = await client.SubmitAsync(ConsultationFormPoster.ValidFields(helpWith));

        var reference = ConsultationFormPoster.ReferenceFrom(response);
        await using var scope = factory.CreateDbScope();
        Assert.True(await scope.Db.ConsultationRequests.Where(r => r.Reference == reference).Select(r => r.IsUrgent).SingleAsync());
        var staffSubject = (await PickupMail.SentForAsync(factory, reference))[EmailKind.StaffNotification].Subject;
        Assert.StartsWith("[URGENT] ", staffSubject, StringComparison.Ordinal);
        Assert.DoesNotContain(helpWith, staffSubject, StringComparison.OrdinalIgnoreCase);
        var page = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        // The page's h1, then at once the crisis resources (heading order h1 before their h2).
        var main = page.QuerySelector("main")!;
        Assert.Equal("H1", main.FirstElementChild!.TagName);
        var crisis = main.FirstElementChild.NextElementSibling!;
        Assert.Equal("crisis-resources", crisis.ClassName);
        Assert.Contains("988", crisis.TextContent, StringComparison.Ordinal);
        Assert.Equal(["tel:988", "sms:988"], crisis.QuerySelectorAll(".crisis-actions a.crisis-button").Select(a => a.GetAttribute("href")));
        Assert.Equal(reference, page.QuerySelector("[data-testid=reference]")!.TextContent);
    }

    [Fact]
    public async Task An_invalid_form_is_shown_again_with_a_linked_summary_and_inline_messages_and_nothing_is_stored()
    {
        using var client = factory.CreateBrowser();
        var fields = ConsultationFormPoster.ValidFields();
        fields["FirstName"] = "   ";
        fields["Email"] = "not-an-email";
        fields["Phone"] = "555-01";
        fields.Remove("Consent");
        var before = await CountRequestsAsync();

        using var response = await client.SubmitAsync(fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        var links = page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#FirstName", "#Email", "#Phone", "#Consent"], links);
        Assert.StartsWith("Error: Request a consultation", page.Title, StringComparison.Ordinal);
        Assert.Equal("Enter your first name.", page.QuerySelector("#FirstName-error")!.TextContent.Trim());
        Assert.Equal("true", page.QuerySelector("#FirstName")!.GetAttribute("aria-invalid"));
        Assert.Contains("FirstName-error", page.QuerySelector("#FirstName")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#LastName")!.GetAttribute("aria-invalid"));
        Assert.Equal("Quinn", page.QuerySelector("#LastName")!.GetAttribute("value"));
        Assert.Equal("Tick the box to agree to be contacted.", page.QuerySelector("#Consent-error")!.TextContent.Trim());
        Assert.Equal(before, await CountRequestsAsync());
    }

    [Theory]
    [InlineData("PhoneCall")]
    [InlineData("TextMessage")]
    public async Task A_phone_call_or_text_message_without_a_phone_number_is_shown_again_with_what_was_typed_and_nothing_is_stored(string method)
    {
        using var client = factory.CreateBrowser();
        var fields = ConsultationFormPoster.ValidFields();
        fields["PreferredContact"] = method;
        fields["Phone"] = "";
        var before = await CountRequestsAsync();

        using var response = await client.SubmitAsync(fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(["#Phone"], page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Equal(ConsultationFormValidator.PhoneNeeded, page.QuerySelector("#Phone-error")!.TextContent.Trim());
        Assert.Equal("true", page.QuerySelector("#Phone")!.GetAttribute("aria-invalid"));
        Assert.Equal("Quinn", page.QuerySelector("#LastName")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector($"input[name=PreferredContact][value={method}][checked]"));
        Assert.Equal(before, await CountRequestsAsync());
    }

    [Fact]
    public async Task A_visitor_who_prefers_email_may_leave_the_phone_empty_and_is_not_offered_a_phone_call_time()
    {
        using var client = factory.CreateBrowser();
        var form = await client.GetDocumentAsync("/consultation");
        Assert.Null(form.QuerySelector("#Phone")!.GetAttribute("required"));
        Assert.Contains("optional if you choose email", form.QuerySelector("#Phone-hint")!.TextContent, StringComparison.Ordinal);
        var fields = ConsultationFormPoster.ValidFields();
        fields["PreferredContact"] = "Email";
        fields["Phone"] = "";

        using var response = await client.SubmitAsync(fields);

        var reference = ConsultationFormPoster.ReferenceFrom(response);
        await using var scope = factory.CreateDbScope();
        var stored = await scope.Db.ConsultationRequests.AsNoTracking().SingleAsync(r => r.Reference == reference);
        Assert.Equal(ContactMethod.Email, stored.PreferredContact);
        Assert.Equal("", stored.Phone);
        var confirmation = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(reference, confirmation.QuerySelector("[data-testid=reference]")!.TextContent);
        Assert.Null(confirmation.QuerySelector("input[type=radio]"));
        Assert.Contains("What happens next", confirmation.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_gets_the_form_back_with_what_was_typed_and_nothing_is_stored()
    {
        using var client = factory.CreateBrowser();
        var hidden = (await client.OpenFormAsync()).Where(f => f.Key != "__RequestVerificationToken");
        var before = await CountRequestsAsync();

        using var response = await client.PostFormAsync(hidden, ConsultationFormPoster.ValidFields());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains(FormProblems.CouldNotCheck, page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Quinn", page.QuerySelector("#LastName")!.GetAttribute("value"));
        Assert.Equal(before, await CountRequestsAsync());
    }

    [Fact]
    public async Task With_cookies_turned_off_the_form_comes_back_with_what_was_typed_and_a_line_saying_why()
    {
        // A browser with cookies off sends the token in the form but never the antiforgery cookie.
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        var hidden = await client.OpenFormAsync();
        var before = await CountRequestsAsync();

        using var response = await client.PostFormAsync(hidden, ConsultationFormPoster.ValidFields("Panic most mornings."));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        Assert.Contains("cookies are turned off", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Panic most mornings.", page.QuerySelector("#HelpWith")!.TextContent.Trim());
        Assert.Equal(before, await CountRequestsAsync());
    }

    [Fact]
    public async Task A_filled_honeypot_gets_a_normal_looking_confirmation_and_nothing_is_stored()
    {
        using var client = factory.CreateBrowser();
        var fields = ConsultationFormPoster.ValidFields();
        fields["Website"] = "https://spam.example";
        var before = await CountRequestsAsync();

        using var response = await client.SubmitAsync(fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.StartsWith("Thank you", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await CountRequestsAsync());
    }

    [Fact]
    public async Task A_forged_start_time_is_treated_as_a_bot()
    {
        using var client = factory.CreateBrowser();
        var hidden = (await client.OpenFormAsync())
            .Select(f => f.Key == "FormStarted" ? new KeyValuePair<string, string>(f.Key, "0") : f);
        var before = await CountRequestsAsync();

        using var response = await client.PostFormAsync(hidden, ConsultationFormPoster.ValidFields());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before, await CountRequestsAsync());
    }

    public static TheoryData<string, string[]> JunkPosts => new()
    {
        { "huge first name", ["FirstName", new string('a', 10_000)] },
        { "huge help text", ["HelpWith", new string('x', 15_000)] },
        { "control characters in a name", ["FirstName", "Av\u0001ery\u0007"] },
        { "escape sequence in help text", ["HelpWith", "hello\u001b[31mworld"] },
        { "wrong type for a flag", ["Consent", "banana"] },
        { "wrong type for the key", ["IdempotencyKey", "not-a-guid"] },
        { "unknown state", ["State", "XX"] },
        { "unknown contact method", ["PreferredContact", "Carrier pigeon"] },
        { "unknown concern", ["Concerns", "'; DROP TABLE ConsultationRequests; --"] },
        { "unknown screening answer", ["Pregnancy", "<script>alert(1)</script>"] },
        { "emoji name too long", ["LastName", string.Concat(Enumerable.Repeat("😀", 200))] },
        { "a name of zero-width spaces", ["FirstName", "\u200B\u200B\u200C"] },
        { "a name with a direction override", ["LastName", "Quinn\u202Egnp.exe"] },
        { "help text of spaces and direction marks", ["HelpWith", " \u200E\u200F\u2066 \u2069 "] },
        { "a best time of zero-width joiners", ["BestTimeToReach", "\u200D\u200D"] },
    };

    [Theory]
    [MemberData(nameof(JunkPosts))]
    public async Task Junk_input_returns_the_form_with_messages_and_stores_nothing(string because, string[] field)
    {
        using var client = factory.CreateBrowser();
        var hidden = (await client.OpenFormAsync()).Where(f => f.Key != field[0]);
        var fields = ConsultationFormPoster.ValidFields();
        fields[field[0]] = field[1];
        var before = await CountRequestsAsync();

        using var response = await client.PostFormAsync(hidden, fields);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{because}: {response.StatusCode}");
        var page = await response.ReadDocumentAsync();
        Assert.NotNull(page.QuerySelector(".error-summary"));
        Assert.Null(page.QuerySelector("script:not([src])"));
        Assert.Equal(before, await CountRequestsAsync());
    }

    [Theory]
    [InlineData("HelpWith", "hello\u0000world", "helloworld")]
    [InlineData("FirstName", "Av\u0000ery", "Avery")]
    public async Task A_null_character_gives_the_form_back_with_the_text_kept_without_it_and_nothing_is_stored(string field, string typed, string shown)
    {
        using var client = factory.CreateBrowser();
        var fields = ConsultationFormPoster.ValidFields();
        fields[field] = typed;
        var before = await CountRequestsAsync();

        using var response = await client.SubmitAsync(fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        var input = page.QuerySelector($"#{field}")!;
        Assert.Equal(shown, input.LocalName == "textarea" ? input.TextContent.Trim() : input.GetAttribute("value"));
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Contains(FormProblems.NullCharacterRemoved, page.QuerySelector($"#{field}-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($".error-summary a[href='#{field}']"));
        Assert.Equal(before, await CountRequestsAsync());
    }

    [Fact]
    public async Task Missing_and_repeated_fields_never_cause_a_server_error()
    {
        using var client = factory.CreateBrowser();
        var hidden = await client.OpenFormAsync();

        using var empty = await client.PostFormAsync(hidden, []);
        using var repeated = await client.PostFormAsync(hidden, [
            new("FirstName", "A"), new("FirstName", "B"), new("State", "IL"), new("State", "NY"),
            new("Consent", "true"), new("Consent", "false"), new("Concerns", "ptsd"), new("Concerns", "ptsd")]);

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.NotNull((await empty.ReadDocumentAsync()).QuerySelector(".error-summary"));
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_without_a_server_error()
    {
        using var client = factory.CreateBrowser();
        var hidden = await client.OpenFormAsync();
        var before = await CountRequestsAsync();

        using var response = await client.PostFormAsync(hidden, [.. ConsultationFormPoster.ValidFields(), new("Padding", new string('p', 200_000))]);

        Assert.True((int)response.StatusCode is 400 or 413, response.StatusCode.ToString());
        Assert.Equal(before, await CountRequestsAsync());
    }

    [Fact]
    public async Task Markup_and_sql_looking_text_is_stored_as_typed_and_shown_escaped()
    {
        using var client = factory.CreateBrowser();
        var fields = ConsultationFormPoster.ValidFields("<script>alert('x')</script> Robert'); DROP TABLE ConsultationRequests;--");
        fields["LastName"] = "<b>O'Brien</b>";
        fields["Email"] = "bad";

        using var invalid = await client.SubmitAsync(fields);
        var html = await invalid.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<b>O'Brien</b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);

        fields["Email"] = "obrien@example.com";
        var reference = ConsultationFormPoster.ReferenceFrom(await client.SubmitAsync(fields));
        await using var scope = factory.CreateDbScope();
        var stored = await scope.Db.ConsultationRequests.AsNoTracking().SingleAsync(r => r.Reference == reference);
        Assert.Equal("<b>O'Brien</b>", stored.LastName);
        Assert.StartsWith("<script>", stored.HelpWith, StringComparison.Ordinal);
        // The name is in no staff email by default; the visitor's own greeting encodes what they typed.
        var acknowledgement = (await PickupMail.SentForAsync(factory, reference))[EmailKind.Acknowledgement];
        Assert.Contains("Dear Avery,", acknowledgement.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("O'Brien", (await PickupMail.SentForAsync(factory, reference))[EmailKind.StaffNotification].HtmlBody, StringComparison.Ordinal);
    }

    private async Task<int> CountRequestsAsync()
    {
        await using var scope = factory.CreateDbScope();
        return await scope.Db.ConsultationRequests.CountAsync();
    }
}
