using KetamineClinic.Data.Entities;

namespace KetamineClinic.IntegrationTests.Infrastructure;

/// <summary>Consultation requests written straight through the DbContext (the public form is not needed).</summary>
public static class RequestSeed
{
    public static async Task<ConsultationRequest> AddRequestAsync(
        this ClinicAppFactory app,
        string firstName = "Rosa",
        string lastName = "Alvarez",
        RequestStatus status = RequestStatus.New,
        bool urgent = false,
        DateTime? createdAt = null,
        OutboxStatus notification = OutboxStatus.Sent,
        string helpWith = "Anxiety that has not eased with two medications.",
        string? email = null,
        string phone = "+13125550147",
        string healthAnswers = """{"concerns":["generalized-anxiety","panic"],"treatmentsTried":["talk-therapy"],"screening":{"HeartCondition":"No","SubstanceUse":"PreferToDiscuss"}}""")
    {
        var created = createdAt ?? DateTime.UtcNow.AddHours(-2);
        var reference = "KC-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var request = new ConsultationRequest
        {
            Reference = reference,
            IdempotencyKey = Guid.NewGuid(),
            FirstName = firstName,
            LastName = lastName,
            Email = email ?? $"{firstName.ToLowerInvariant()}.{Guid.NewGuid():N}@example.com",
            Phone = phone,
            PreferredContact = ContactMethod.PhoneCall,
            State = "IL",
            HelpWith = helpWith,
            HealthAnswers = healthAnswers,
            IsAdultConfirmed = true,
            ConsentGiven = true,
            IsUrgent = urgent,
            Status = status,
            CreatedAt = created,
            UpdatedAt = created,
            Version = Guid.NewGuid(),
            Emails =
            [
                Email(EmailKind.StaffNotification, notification, created),
                Email(EmailKind.Acknowledgement, OutboxStatus.Sent, created),
            ],
        };

        await using var scope = app.CreateDbScope();
        scope.Db.ConsultationRequests.Add(request);
        await scope.Db.SaveChangesAsync();
        return request;
    }

    private static OutboxMessage Email(EmailKind kind, OutboxStatus status, DateTime created) => new()
    {
        Kind = kind,
        MessageId = $"<{Guid.NewGuid():N}@clinic.example>",
        Status = status,
        Attempts = status == OutboxStatus.Failed ? 8 : 1,
        CreatedAt = created,
        NextAttemptAt = created,
        SentAt = status == OutboxStatus.Sent ? created : null,
        LastError = status == OutboxStatus.Failed ? "SmtpException" : null,
    };
}
