using KetamineClinic.Data.Entities;
using KetamineClinic.Testing;
using KetamineClinic.Web.Email;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace KetamineClinic.IntegrationTests.Infrastructure;

/// <summary>The emails the app wrote to its pickup folder (no SMTP host configured) for one request.</summary>
public static class PickupMail
{
    /// <summary>Waits until the dispatcher has sent both of the request's emails, then reads them as written.</summary>
    public static async Task<Dictionary<EmailKind, MimeMessage>> SentForAsync(ClinicAppFactory app, string reference)
    {
        await using var scope = app.CreateDbScope();
        var emails = await Eventually.GetAsync(
            () => scope.Db.OutboxMessages.AsNoTracking().Where(m => m.ConsultationRequest!.Reference == reference).ToListAsync(),
            list => list.Count == 2 && list.All(m => m.Status == OutboxStatus.Sent),
            because: "both emails should be sent by the dispatcher");
        return emails.ToDictionary(
            e => e.Kind,
            e => MimeMessage.Load(Path.Combine(app.MailDirectory, PickupDirectoryTransport.FileName(e.MessageId))));
    }
}
