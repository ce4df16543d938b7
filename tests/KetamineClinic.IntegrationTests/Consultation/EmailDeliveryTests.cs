using KetamineClinic.Data.Entities;
using KetamineClinic.IntegrationTests.Infrastructure;
using KetamineClinic.Testing;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace KetamineClinic.IntegrationTests.Consultation;

public sealed class PickupFolderDeliveryTests(ConsultationAppFactory factory) : IClassFixture<ConsultationAppFactory>
{
    private const string ClinicalText = "Panic attacks since my divorce, zoloft made it worse";

    [Fact]
    public async Task Without_an_smtp_host_both_emails_are_written_to_the_pickup_folder_without_clinical_details()
    {
        using var client = factory.CreateBrowser();
        var fields = ConsultationFormPoster.ValidFields(ClinicalText);
        fields["Concerns"] = "ptsd";
        fields["Psychosis"] = "Yes";
        fields["FirstName"] = "<i>Avery</i>";

        var reference = ConsultationFormPoster.ReferenceFrom(await client.SubmitAsync(fields));
        var messages = await PickupMail.SentForAsync(factory, reference);
        await using var scope = factory.CreateDbScope();
        var request = await scope.Db.ConsultationRequests.AsNoTracking().Include(r => r.Emails).SingleAsync(r => r.Reference == reference);
        var staff = messages[EmailKind.StaffNotification];
        var acknowledgement = messages[EmailKind.Acknowledgement];

        // The same Message-Id as queued, so a retried send is recognisably the same message.
        Assert.Equal(request.Emails.Single(e => e.Kind == EmailKind.StaffNotification).MessageId, staff.MessageId);
        Assert.Equal(request.Emails.Single(e => e.Kind == EmailKind.Acknowledgement).MessageId, acknowledgement.MessageId);
        Assert.Equal("no-reply@harborview-clinic.example", staff.From.Mailboxes.Single().Address);
        Assert.Equal("intake@clinic.test", staff.To.Mailboxes.Single().Address);
        Assert.Equal("avery.quinn@example.com", acknowledgement.To.Mailboxes.Single().Address);
        foreach (var message in messages.Values)
        {
            Assert.Equal("multipart/alternative", message.Body!.ContentType.MimeType);
            Assert.NotNull(message.TextBody);
            Assert.NotNull(message.HtmlBody);
            Assert.Contains(reference, message.TextBody, StringComparison.Ordinal);
            Assert.Contains(reference, message.HtmlBody, StringComparison.Ordinal);
            foreach (var body in new[] { message.TextBody, message.HtmlBody, message.Subject })
            {
                Assert.DoesNotContain("divorce", body, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("zoloft", body, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("PTSD", body, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("psychosis", body, StringComparison.OrdinalIgnoreCase);
            }
        }

        // No Clinic:BaseUrl here: the link uses the server's own address (the test server has none, so localhost).
        Assert.Contains($"http://localhost/staff/leads/{request.Id}", staff.TextBody, StringComparison.Ordinal);
        Assert.Contains("Text message", staff.TextBody, StringComparison.Ordinal);
        Assert.Contains("Urgent: No", staff.TextBody, StringComparison.Ordinal);
        Assert.Contains("&lt;i&gt;Avery&lt;/i&gt;", staff.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>Avery", staff.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("988", acknowledgement.TextBody, StringComparison.Ordinal);
        Assert.Contains("(312) 555-0147", acknowledgement.TextBody, StringComparison.Ordinal);
        Assert.Contains("within one business day", acknowledgement.TextBody, StringComparison.Ordinal);
        Assert.Contains("Please do not reply to this email", acknowledgement.TextBody, StringComparison.Ordinal);
        Assert.Contains("nor the form is watched for emergencies", acknowledgement.HtmlBody, StringComparison.Ordinal);
        Assert.True(acknowledgement.TextBody!.IndexOf("Thank you", StringComparison.Ordinal) < acknowledgement.TextBody.IndexOf("988", StringComparison.Ordinal));
        Assert.All(messages.Values, m => Assert.Equal("auto-generated", m.Headers["Auto-Submitted"]));
    }

    [Fact]
    public async Task A_visitor_whose_words_suggest_a_crisis_reads_where_to_get_help_first_in_their_email()
    {
        using var client = factory.CreateBrowser();

        var reference = ConsultationFormPoster.ReferenceFrom(await client.SubmitAsync(ConsultationFormPoster.ValidFields("Some days I want to end my life.")));
        var acknowledgement = (await PickupMail.SentForAsync(factory, reference))[EmailKind.Acknowledgement];

        foreach (var body in new[] { acknowledgement.TextBody!, acknowledgement.HtmlBody! })
        {
            var crisis = body.IndexOf("call or text 988", StringComparison.Ordinal);
            Assert.True(crisis > 0);
            Assert.True(crisis < body.IndexOf("Thank you", StringComparison.Ordinal), "The crisis line comes before the thanks.");
            Assert.Equal(crisis, body.LastIndexOf("call or text 988", StringComparison.Ordinal));
            Assert.DoesNotContain("end my life", body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_forged_host_header_never_becomes_the_link_in_the_staff_email()
    {
        using var client = factory.CreateBrowser();
        client.DefaultRequestHeaders.Host = "clinic-login.evil.example";

        var reference = ConsultationFormPoster.ReferenceFrom(await client.SubmitAsync(ConsultationFormPoster.ValidFields(ClinicalText)));
        var staff = (await PickupMail.SentForAsync(factory, reference))[EmailKind.StaffNotification];

        Assert.DoesNotContain("evil.example", staff.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("evil.example", staff.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("http://localhost/staff/leads/", staff.TextBody, StringComparison.Ordinal);
    }
}

public sealed class ClinicalDetailsOptionTests : IDisposable
{
    private readonly ConsultationAppFactory _factory = new();

    public ClinicalDetailsOptionTests()
    {
        _factory.Settings["Email:IncludeClinicalDetails"] = "true";
        _factory.Settings["Clinic:BaseUrl"] = "https://clinic.example";
    }

    [Fact]
    public async Task With_the_option_on_the_staff_email_includes_the_clinical_details_and_links_to_the_base_url()
    {
        using var client = _factory.CreateBrowser();
        var fields = ConsultationFormPoster.ValidFields("I would like help with panic & worry");
        fields["Concerns"] = "ptsd";

        var reference = ConsultationFormPoster.ReferenceFrom(await client.SubmitAsync(fields));

        var staff = (await PickupMail.SentForAsync(_factory, reference))[EmailKind.StaffNotification];
        Assert.Contains("panic & worry", staff.TextBody, StringComparison.Ordinal);
        Assert.Contains("panic &amp; worry", staff.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("PTSD", staff.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://clinic.example/staff/leads/", staff.TextBody, StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}

/// <summary>Delivery through a real SMTP server process on 127.0.0.1.</summary>
public sealed class SmtpDeliveryTests : IDisposable
{
    private readonly SmtpServerProcess _smtp = new();
    private readonly ConsultationAppFactory _factory = new();

    public SmtpDeliveryTests()
    {
        _factory.UseSmtpServer(_smtp.Port);
        _factory.Settings["Email:Outbox:BaseDelaySeconds"] = "0.3";
        _factory.Settings["Email:Outbox:MaxDelaySeconds"] = "0.6";
    }

    [Fact]
    public async Task Both_emails_are_delivered_to_the_smtp_server()
    {
        await _smtp.StartAsync();
        using var client = _factory.CreateBrowser();

        var reference = ConsultationFormPoster.ReferenceFrom(await client.SubmitAsync(ConsultationFormPoster.ValidFields()));

        var files = await Eventually.GetAsync(() => Task.FromResult(_smtp.ReceivedFiles), f => f.Count >= 2, because: "the SMTP server should receive two messages");
        var messages = files.Select(f => MimeMessage.Load(f)).ToList();
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Contains(reference, m.Subject + m.TextBody, StringComparison.Ordinal));
        Assert.Contains(messages, m => m.To.Mailboxes.Single().Address == "intake@clinic.test");
        Assert.Contains(messages, m => m.To.Mailboxes.Single().Address == "avery.quinn@example.com");
        await using var scope = _factory.CreateDbScope();
        var outbox = await Eventually.GetAsync(
            () => scope.Db.OutboxMessages.AsNoTracking().Where(m => m.ConsultationRequest!.Reference == reference).ToListAsync(),
            list => list.All(m => m.Status == OutboxStatus.Sent));
        Assert.All(outbox, m => Assert.Equal(1, m.Attempts));
        Assert.Equal(outbox.Select(m => m.MessageId).Order(), messages.Select(m => m.MessageId).Order());
    }

    [Fact]
    public async Task When_the_smtp_server_is_down_the_request_is_accepted_and_the_emails_go_out_once_it_is_up()
    {
        using var client = _factory.CreateBrowser();

        using var response = await client.SubmitAsync(ConsultationFormPoster.ValidFields());

        var reference = ConsultationFormPoster.ReferenceFrom(response);
        await using var scope = _factory.CreateDbScope();
        var failing = await Eventually.GetAsync(
            () => scope.Db.OutboxMessages.AsNoTracking().Where(m => m.ConsultationRequest!.Reference == reference).ToListAsync(),
            list => list.Count == 2 && list.All(m => m.Attempts >= 2),
            because: "the dispatcher should have retried against the stopped server");
        Assert.All(failing, m =>
        {
            Assert.Equal(OutboxStatus.Pending, m.Status);
            Assert.StartsWith("SocketException", m.LastError, StringComparison.Ordinal);
            Assert.DoesNotContain("@", m.LastError, StringComparison.Ordinal);
        });

        await _smtp.StartAsync();

        var sent = await Eventually.GetAsync(
            () => scope.Db.OutboxMessages.AsNoTracking().Where(m => m.ConsultationRequest!.Reference == reference).ToListAsync(),
            list => list.All(m => m.Status == OutboxStatus.Sent),
            because: "the emails should go out once the server is up");
        Assert.All(sent, m => Assert.Null(m.LastError));
        Assert.Equal(2, _smtp.ReceivedFiles.Count);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _smtp.Dispose();
    }
}

public sealed class OutboxGiveUpTests : IDisposable
{
    private readonly SmtpServerProcess _neverStarted = new();
    private readonly ConsultationAppFactory _factory = new();

    public OutboxGiveUpTests()
    {
        _factory.UseSmtpServer(_neverStarted.Port);
        _factory.Settings["Email:Outbox:MaxAttempts"] = "3";
        _factory.Settings["Email:Outbox:BaseDelaySeconds"] = "0.1";
        _factory.Settings["Email:Outbox:MaxDelaySeconds"] = "0.2";
    }

    [Fact]
    public async Task After_the_maximum_attempts_a_message_is_marked_failed_and_the_request_is_kept()
    {
        using var client = _factory.CreateBrowser();

        var reference = ConsultationFormPoster.ReferenceFrom(await client.SubmitAsync(ConsultationFormPoster.ValidFields()));

        await using var scope = _factory.CreateDbScope();
        var failed = await Eventually.GetAsync(
            () => scope.Db.OutboxMessages.AsNoTracking().Where(m => m.ConsultationRequest!.Reference == reference).ToListAsync(),
            list => list.Count == 2 && list.All(m => m.Status == OutboxStatus.Failed));
        Assert.All(failed, m => Assert.Equal(3, m.Attempts));
        Assert.True(await scope.Db.ConsultationRequests.AnyAsync(r => r.Reference == reference));
    }

    public void Dispose()
    {
        _factory.Dispose();
        _neverStarted.Dispose();
    }
}
