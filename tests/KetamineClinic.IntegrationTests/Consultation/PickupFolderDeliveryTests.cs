using KetamineClinic.Data.Entities;
using KetamineClinic.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

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
        Assert.Contains($"http://localhost/staff/requests/{request.Id}", staff.TextBody, StringComparison.Ordinal);
        Assert.Contains("Urgent: No", staff.TextBody, StringComparison.Ordinal);
        // The staff email is an alert: no name, email, phone or contact preference (read after signing in).
        foreach (var part in new[] { staff.TextBody, staff.HtmlBody, staff.Subject })
        {
            Assert.DoesNotContain("Avery", part, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Quinn", part, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("avery.quinn@example.com", part, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("555-0199", part, StringComparison.Ordinal);
            Assert.DoesNotContain("Text message", part, StringComparison.Ordinal);
        }

        Assert.Equal($"New consultation request {reference}", staff.Subject);
        Assert.Contains("&lt;i&gt;Avery&lt;/i&gt;", acknowledgement.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>Avery", acknowledgement.HtmlBody, StringComparison.Ordinal);
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
        Assert.Contains("http://localhost/staff/requests/", staff.TextBody, StringComparison.Ordinal);
    }
}
