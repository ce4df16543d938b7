using FluentValidation.Results;
using KetamineClinic.Web.Features.Consultation;
using Microsoft.Extensions.Options;

namespace KetamineClinic.Tests.Consultation;

public sealed class ConsultationFormValidatorTests
{
    private readonly ConsultationFormValidator _validator = new(Options.Create(new ConsultationOptions { MinimumAge = 21 }));

    private static ConsultationForm Valid() => new()
    {
        FirstName = "Avery",
        LastName = "Quinn",
        Email = "avery@example.com",
        Phone = "312-555-0199",
        PreferredContact = "PhoneCall",
        State = "IL",
        HelpWith = "Anxiety",
        Consent = true,
        IsAdult = true,
        IdempotencyKey = Guid.NewGuid(),
    };

    private ValidationResult Validate(Action<ConsultationForm> change)
    {
        var form = Valid();
        change(form);
        return _validator.Validate(form);
    }

    private void AssertOnlyError(Action<ConsultationForm> change, string property, string? message = null)
    {
        var result = Validate(change);
        var error = Assert.Single(result.Errors);
        Assert.Equal(property, error.PropertyName);
        if (message is not null)
        {
            Assert.Equal(message, error.ErrorMessage);
        }
    }

    private void AssertValid(Action<ConsultationForm> change)
    {
        var result = Validate(change);
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")));
    }

    [Fact]
    public void A_complete_form_is_valid() => AssertValid(_ => { });

    [Fact]
    public void A_form_with_every_optional_answer_is_valid() => AssertValid(f =>
    {
        f.BestTimeToReach = "Mornings";
        f.HeardAboutUs = "A friend";
        // Every choice of every question.
        f.Answers = HealthAnswers.From(q => q.AllowsSeveral ? q.Choices.Select(c => c.Value) : [q.Choices[^1].Value]);
    });

    private static HealthAnswers Answers(string field, params string?[] values) =>
        HealthAnswers.From(q => q.Field == field ? values : []);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void First_name_is_required(string? value) => AssertOnlyError(f => f.FirstName = value, "FirstName", "Enter your first name.");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Last_name_is_required(string? value) => AssertOnlyError(f => f.LastName = value, "LastName", "Enter your last name.");

    [Fact]
    public void Names_may_be_100_characters_but_not_101()
    {
        AssertValid(f => { f.FirstName = new string('a', 100); f.LastName = new string('b', 100); });
        AssertOnlyError(f => f.FirstName = new string('a', 101), "FirstName");
        AssertOnlyError(f => f.LastName = new string('b', 101), "LastName");
    }

    [Theory]
    [InlineData("Av\u0000ery")]
    [InlineData("Av\nery")]
    [InlineData("Av\u001bery")]
    public void Names_may_not_contain_control_characters(string value) => AssertOnlyError(f => f.FirstName = value, "FirstName");

    [Fact]
    public void Names_with_accents_apostrophes_and_hyphens_are_accepted() =>
        AssertValid(f => { f.FirstName = "Zoë-Ann"; f.LastName = "O'Brien Núñez"; });

    [Theory]
    [InlineData(null, "Enter your email address.")]
    [InlineData("avery", "Enter an email address like name@example.com.")]
    [InlineData("avery@", "Enter an email address like name@example.com.")]
    [InlineData("avery@example", "Enter an email address like name@example.com.")]
    [InlineData("avery @example.com", "Enter an email address like name@example.com.")]
    [InlineData("Avery <avery@example.com>", "Enter an email address like name@example.com.")]
    public void Email_must_look_like_an_address(string? value, string message) => AssertOnlyError(f => f.Email = value, "Email", message);

    [Fact]
    public void Email_may_be_254_characters_but_not_255()
    {
        var domain = "@example.com";
        AssertValid(f => f.Email = new string('a', 254 - domain.Length) + domain);
        AssertOnlyError(f => f.Email = new string('a', 255 - domain.Length) + domain, "Email");
    }

    [Theory]
    [InlineData("(312) 555-0199")]
    [InlineData("+1 312 555 0199")]
    [InlineData("312.555.0199")]
    [InlineData("13125550199")]
    public void Us_phone_numbers_in_common_shapes_are_accepted(string value) => AssertValid(f => f.Phone = value);

    [Theory]
    [InlineData("555-0199", "Enter a US phone number, like (312) 555-0147.")]
    [InlineData("(112) 555-0199", "Enter a US phone number, like (312) 555-0147.")]
    [InlineData("+44 20 7946 0958", "Enter a US phone number, like (312) 555-0147.")]
    [InlineData("312-555-0199 ext 4", "Enter a US phone number, like (312) 555-0147.")]
    public void Phone_must_be_a_us_number(string? value, string message) => AssertOnlyError(f => f.Phone = value, "Phone", message);

    [Theory]
    [InlineData("PhoneCall", null)]
    [InlineData("TextMessage", "")]
    public void Phone_is_required_for_a_phone_call_or_text_message(string method, string? phone) =>
        AssertOnlyError(f => (f.PreferredContact, f.Phone) = (method, phone), "Phone", ConsultationFormValidator.PhoneNeeded);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Phone_may_be_left_empty_by_someone_who_chose_email(string? phone) =>
        AssertValid(f => (f.PreferredContact, f.Phone) = ("Email", phone));

    [Fact]
    public void A_phone_number_given_with_email_chosen_is_still_checked() =>
        AssertOnlyError(f => (f.PreferredContact, f.Phone) = ("Email", "555-0199"), "Phone", "Enter a US phone number, like (312) 555-0147.");

    [Fact]
    public void Phone_may_be_30_characters_but_not_31()
    {
        AssertValid(f => f.Phone = "312-555-0199".PadRight(30, ' ').Replace(' ', '-'));
        AssertOnlyError(f => f.Phone = "312-555-0199".PadRight(31, '-'), "Phone", "Phone must be 30 characters or fewer.");
    }

    [Theory]
    [InlineData("PhoneCall")]
    [InlineData("TextMessage")]
    [InlineData("Email")]
    public void Each_contact_method_is_accepted(string value) => AssertValid(f => f.PreferredContact = value);

    [Theory]
    [InlineData(null)]
    [InlineData("Fax")]
    [InlineData("phonecall")]
    [InlineData("0")]
    public void An_unknown_or_missing_contact_method_is_refused(string? value) => AssertOnlyError(f => f.PreferredContact = value, "PreferredContact");

    [Theory]
    [InlineData("DC")]
    [InlineData("WY")]
    [InlineData("AL")]
    public void States_and_dc_are_accepted(string value) => AssertValid(f => f.State = value);

    [Theory]
    [InlineData(null)]
    [InlineData("PR")]
    [InlineData("XX")]
    [InlineData("Illinois")]
    public void Other_states_are_refused(string? value) => AssertOnlyError(f => f.State = value, "State");

    [Fact]
    public void Help_text_is_required_and_may_be_2000_characters_but_not_2001()
    {
        AssertOnlyError(f => f.HelpWith = null, "HelpWith", "Tell us briefly what you would like help with.");
        AssertValid(f => f.HelpWith = new string('x', 2000));
        AssertOnlyError(f => f.HelpWith = new string('x', 2001), "HelpWith", "Please keep this to 2,000 characters or fewer.");
    }

    [Fact]
    public void Help_text_may_have_line_breaks_and_tabs_but_not_other_control_characters()
    {
        AssertValid(f => f.HelpWith = "Line one\r\nLine two\twith a tab");
        AssertOnlyError(f => f.HelpWith = "bell\u0007", "HelpWith");
    }

    [Fact]
    public void Consent_is_required() => AssertOnlyError(f => f.Consent = false, "Consent", "Tick the box to agree to be contacted.");

    [Fact]
    public void The_age_confirmation_is_required_and_names_the_configured_age() =>
        AssertOnlyError(f => f.IsAdult = false, "IsAdult", "Confirm that you are 21 or older.");

    [Fact]
    public void Optional_short_texts_may_be_200_characters_but_not_201()
    {
        AssertValid(f => { f.BestTimeToReach = new string('b', 200); f.HeardAboutUs = new string('h', 200); });
        AssertOnlyError(f => f.BestTimeToReach = new string('b', 201), "BestTimeToReach");
        AssertOnlyError(f => f.HeardAboutUs = new string('h', 201), "HeardAboutUs");
        AssertOnlyError(f => f.HeardAboutUs = "tab\u0000", "HeardAboutUs");
    }

    [Fact]
    public void Concerns_and_treatments_must_come_from_the_lists()
    {
        AssertOnlyError(f => f.Answers = Answers("Concerns", "ptsd", "insomnia"), "Concerns", "Choose concerns from the list.");
        AssertOnlyError(f => f.Answers = Answers("TreatmentsTried", "ssri-snri", "<script>"), "TreatmentsTried", "Choose treatments from the list.");
    }

    [Theory]
    [InlineData("HeartCondition")]
    [InlineData("Psychosis")]
    [InlineData("SubstanceUse")]
    [InlineData("Pregnancy")]
    public void Screening_answers_are_optional_but_must_be_yes_no_or_prefer_to_discuss(string field)
    {
        AssertValid(f => f.Answers = Answers(field));
        AssertValid(f => f.Answers = Answers(field, "PreferToDiscuss"));
        AssertOnlyError(f => f.Answers = Answers(field, "Maybe"), field, "Choose Yes, No or Prefer to discuss.");
    }

    [Fact]
    public void A_missing_idempotency_key_asks_to_send_the_form_again() =>
        AssertOnlyError(f => f.IdempotencyKey = Guid.Empty, "IdempotencyKey", "This form has expired. Please check your answers and send it again.");

    [Fact]
    public void Trimming_removes_surrounding_spaces_and_blank_or_repeated_choices()
    {
        var form = Valid();
        form.FirstName = "  Avery  ";
        form.State = " il ";
        form.Answers = Answers("Concerns", "ptsd", " ptsd ", "", null, "panic");

        form.Trim();

        Assert.Equal("Avery", form.FirstName);
        Assert.Equal("IL", form.State);
        Assert.Equal(["ptsd", "panic"], form.Answers.Of(HealthQuestions.Concerns));
        Assert.True(_validator.Validate(form).IsValid);
    }

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\u200B\u200D\uFEFF")]
    [InlineData("\u202E\u2066")]
    [InlineData("--")]
    public void A_name_without_a_letter_or_digit_is_refused(string value) =>
        AssertOnlyError(f => f.FirstName = value, "FirstName", "Enter your first name in letters.");

    [Theory]
    [InlineData("Quinn\u202Egnp.exe")]
    [InlineData("\u2067Quinn")]
    [InlineData("Qu\u202Ainn")]
    public void Direction_overrides_are_refused_in_names(string value) =>
        AssertOnlyError(f => f.LastName = value, "LastName", "Last name contains characters we cannot accept.");

    [Fact]
    public void Optional_text_of_invisible_characters_only_is_refused_but_real_words_in_any_script_pass()
    {
        AssertOnlyError(f => f.BestTimeToReach = "\u200B\u200B", "BestTimeToReach", "Best time to reach you needs words or numbers, or leave it empty.");
        AssertOnlyError(f => f.HelpWith = "\u200E\u200F", "HelpWith", "Tell us in words what you would like help with.");
        AssertValid(f => f.LastName = "Nguyễn-García");
        AssertValid(f => f.FirstName = "سارة");
        AssertValid(f => f.BestTimeToReach = "After 5");
    }
}
