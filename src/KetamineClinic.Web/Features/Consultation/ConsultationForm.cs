using KetamineClinic.Data.Entities;
using Microsoft.AspNetCore.Mvc;

namespace KetamineClinic.Web.Features.Consultation;

/// <summary>
/// What the visitor posts. Every property is a string, list or flag so that any input, however
/// malformed, binds and reaches the validator instead of failing in model binding.
/// </summary>
public sealed class ConsultationForm
{
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 254;
    public const int PhoneMaxLength = 30;
    public const int HelpWithMaxLength = 2000;
    public const int ShortTextMaxLength = 200;

    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? PreferredContact { get; set; }
    public string? State { get; set; }
    public string? HelpWith { get; set; }
    public bool Consent { get; set; }
    public bool IsAdult { get; set; }

    /// <summary>The ways of contacting a visitor that need their phone number; with email only, it is optional.</summary>
    public static IReadOnlyList<ContactMethod> MethodsNeedingPhone { get; } = [ContactMethod.PhoneCall, ContactMethod.TextMessage];

    public bool NeedsPhone => MethodsNeedingPhone.Any(method => method.ToString() == PreferredContact);

    public string? BestTimeToReach { get; set; }
    public string? HeardAboutUs { get; set; }

    /// <summary>The optional health questions (<see cref="HealthQuestions"/>), each posted under its own field name.</summary>
    [ModelBinder(typeof(HealthAnswersBinder))]
    public HealthAnswers Answers { get; set; } = HealthAnswers.None;

    /// <summary>Rendered into the form so a repeated post of the same form is recognised.</summary>
    public Guid IdempotencyKey { get; set; }

    /// <summary>Protected time the form was shown, for the minimum fill time.</summary>
    public string? FormStarted { get; set; }

    /// <summary>The honeypot: hidden from people, filled in by bots.</summary>
    public string? Website { get; set; }

    /// <summary>Trims every text field, so validation and storage see what the person meant (the answers are trimmed as they are read).</summary>
    public void Trim()
    {
        FirstName = FirstName?.Trim();
        LastName = LastName?.Trim();
        Email = Email?.Trim();
        Phone = Phone?.Trim();
        PreferredContact = PreferredContact?.Trim();
        State = State?.Trim().ToUpperInvariant();
        HelpWith = HelpWith?.Trim();
        BestTimeToReach = BestTimeToReach?.Trim();
        HeardAboutUs = HeardAboutUs?.Trim();
    }
}
