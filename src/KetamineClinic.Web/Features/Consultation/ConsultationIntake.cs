using KetamineClinic.Data.Entities;
using KetamineClinic.Web.Clinic;

namespace KetamineClinic.Web.Features.Consultation;

/// <summary>Where a submission came from, reduced to what may be stored.</summary>
public sealed record SubmissionSource(string? IpHash, string? UserAgent);

/// <summary>
/// Turns a validated form into a request and hands it to <see cref="ConsultationWriter"/>, which stores it
/// with its two emails in one transaction, so an accepted request never loses its emails. A repeated post
/// of the same form (same idempotency key) returns the request already stored instead of creating another.
/// </summary>
public sealed partial class ConsultationIntake(
    ConsultationWriter writer,
    TimeProvider time,
    ILogger<ConsultationIntake> logger)
{
    public const int UserAgentMaxLength = 512;

    public async Task<IntakeResult> SubmitAsync(ConsultationForm form, SubmissionSource source)
    {
        var result = await writer.WriteAsync(NewRequest(form, source));
        if (result.WasRepeat)
        {
            LogRepeat(result.Reference, result.ConsultationRequestId);
        }
        else
        {
            LogStored(result.Reference, result.ConsultationRequestId, result.IsUrgent);
        }

        return result;
    }

    private ConsultationRequest NewRequest(ConsultationForm form, SubmissionSource source)
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
            HealthAnswers = form.Answers.ToJson(),
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
}
