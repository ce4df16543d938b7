using System.Globalization;
using FluentValidation;

namespace KetamineClinic.Web.Features.Staff.Availability;

public sealed class AvailabilityFormValidator : AbstractValidator<AvailabilityForm>
{
    public const int MaxCallMinutes = 240;
    public const int MaxCallsAtOnce = 20;
    public const int MaxDaysAhead = 90;
    public const int MaxNoticeHours = 168;

    /// <remarks>The rules come in the order the fields appear on the page: the error summary lists problems in this order.</remarks>
    public AvailabilityFormValidator()
    {
        RuleForEach(f => f.Days).ChildRules(day =>
        {
            day.RuleFor(d => d.Opens).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(d => $"{d.Day}: enter the time calls start, like 09:00.")
                .Must(BeATime).WithMessage(d => $"{d.Day}: enter the time calls start as hours and minutes, like 09:00.")
                .When(d => d.Open);
            day.RuleFor(d => d.Closes).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(d => $"{d.Day}: enter the time calls end, like 17:00.")
                .Must(BeATime).WithMessage(d => $"{d.Day}: enter the time calls end as hours and minutes, like 17:00.")
                .Must((d, closes) => !BeATime(d.Opens) || AvailabilityForm.TimePattern.Parse(closes!).Value > AvailabilityForm.TimePattern.Parse(d.Opens!).Value)
                .WithMessage(d => $"{d.Day}: the end must be later than the start.")
                .When(d => d.Open);
        });

        RuleFor(f => f.CallMinutes).Must(v => IsWholeNumber(v, 5, MaxCallMinutes))
            .WithMessage($"Enter the call length in minutes, a whole number from 5 to {MaxCallMinutes}.");
        RuleFor(f => f.CallsAtOnce).Must(v => IsWholeNumber(v, 1, MaxCallsAtOnce))
            .WithMessage($"Enter how many calls at once, a whole number from 1 to {MaxCallsAtOnce}.");
        RuleFor(f => f.DaysAhead).Must(v => IsWholeNumber(v, 1, MaxDaysAhead))
            .WithMessage($"Enter how many days ahead visitors may book, a whole number from 1 to {MaxDaysAhead}.");
        RuleFor(f => f.MinimumNoticeHours).Must(v => IsWholeNumber(v, 0, MaxNoticeHours))
            .WithMessage($"Enter the minimum notice in hours, a whole number from 0 to {MaxNoticeHours}.");
        RuleFor(f => f.AddClosedDate)
            .Must(v => string.IsNullOrEmpty(v) || AvailabilityForm.DatePattern.Parse(v).Success)
            .WithMessage("Enter the closed date as year-month-day, like 2026-12-25.");
    }

    private static bool BeATime(string? value) => !string.IsNullOrEmpty(value) && AvailabilityForm.TimePattern.Parse(value).Success;

    private static bool IsWholeNumber(string? value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max;
}
