using KetamineClinic.Data;
using KetamineClinic.Data.Entities;
using KetamineClinic.Web.Clinic;
using KetamineClinic.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace KetamineClinic.Web.Features.Consultation;

/// <summary>Where a submission came from, reduced to what may be stored.</summary>
public sealed record SubmissionSource(string? IpHash, string? UserAgent, string SiteOrigin);

public sealed record IntakeResult(string Reference, bool IsUrgent, bool WasRepeat);

/// <summary>
/// Stores a validated request together with its two emails in one transaction, so an accepted request
/// never loses its emails. A repeated post of the same form (same idempotency key) returns the request
/// already stored instead of creating another.
/// </summary>
public sealed partial class ConsultationIntake(
    ClinicDbContext db,
    ConsultationEmails emails,
    OutboxSignal outbox,
    TimeProvider time,
    ILogger<ConsultationIntake> logger)
{
    public const int UserAgentMaxLength = 512;
    private const int MaxAttempts = 4;

    public async Task<IntakeResult> SubmitAsync(ConsultationForm form, SubmissionSource source, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var existing = await db.ConsultationRequests.AsNoTracking()
                .Where(r => r.IdempotencyKey == form.IdempotencyKey)
                .Select(r => new { r.Id, r.Reference, r.IsUrgent })
                .FirstOrDefaultAsync(cancellationToken);
            if (existing is not null)
            {
                LogRepeat(existing.Reference, existing.Id);
                return new IntakeResult(existing.Reference, existing.IsUrgent, WasRepeat: true);
            }

            try
            {
                var stored = await StoreAsync(form, source, cancellationToken);
                LogStored(stored.Reference, stored.Id, stored.IsUrgent);
                outbox.Notify();
                return new IntakeResult(stored.Reference, stored.IsUrgent, WasRepeat: false);
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // A unique index refused the row: either a concurrent post of the same form won the race
                // (found by the idempotency check above on the next pass) or, very rarely, the reference
                // was already taken and a new one is drawn.
                LogRetry(attempt);
            }
        }
    }

    private async Task<ConsultationRequest> StoreAsync(ConsultationForm form, SubmissionSource source, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            var answers = HealthAnswers.From(form);
            var request = NewRequest(form, answers, source);

            // Two saves in one transaction: the staff email links to the request by its database id.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.ConsultationRequests.Add(request);
            await db.SaveChangesAsync(ct);
            db.OutboxMessages.AddRange(emails.Create(request, answers, source.SiteOrigin));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return request;
        }, cancellationToken);
    }

    private ConsultationRequest NewRequest(ConsultationForm form, HealthAnswers answers, SubmissionSource source)
    {
        var now = time.GetUtcNow().UtcDateTime;
        PhoneNumber.TryNormalizeUs(form.Phone, out var phone);
        return new ConsultationRequest
        {
            Reference = ReferenceCode.New().Value,
            IdempotencyKey = form.IdempotencyKey,
            FirstName = form.FirstName!,
            LastName = form.LastName!,
            Email = form.Email!,
            Phone = phone,
            PreferredContact = Enum.Parse<ContactMethod>(form.PreferredContact!),
            State = form.State!,
            BestTimeToReach = string.IsNullOrEmpty(form.BestTimeToReach) ? null : form.BestTimeToReach,
            HeardAboutUs = string.IsNullOrEmpty(form.HeardAboutUs) ? null : form.HeardAboutUs,
            HelpWith = form.HelpWith!,
            HealthAnswers = answers.ToJson(),
            IsAdultConfirmed = form.IsAdult,
            ConsentGiven = form.Consent,
            IsUrgent = CrisisDetector.SuggestsCrisis(form.HelpWith, form.BestTimeToReach, form.HeardAboutUs),
            Status = RequestStatus.New,
            CreatedAt = now,
            UpdatedAt = now,
            SourceIpHash = source.IpHash,
            UserAgent = source.UserAgent is { Length: > UserAgentMaxLength } agent ? agent[..UserAgentMaxLength] : source.UserAgent,
            Version = Guid.NewGuid(),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Consultation request {Reference} stored as {ConsultationRequestId} (urgent: {IsUrgent})")]
    private partial void LogStored(string reference, int consultationRequestId, bool isUrgent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Consultation request {Reference} ({ConsultationRequestId}) was posted again; nothing new stored")]
    private partial void LogRepeat(string reference, int consultationRequestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing a consultation request hit a unique index on attempt {Attempt}; retrying")]
    private partial void LogRetry(int attempt);
}
