using KetamineClinic.Web.Clinic;

namespace KetamineClinic.Tests.Foundation;

public sealed class TreatmentCourseOptionsValidatorTests
{
    private static TreatmentCourseOptions Valid() => new()
    {
        Sessions = 6,
        Weeks = new CountRange { Min = 2, Max = 3 },
        SessionsPerWeek = new CountRange { Min = 2, Max = 3 },
        ReviewAfterSessions = new CountRange { Min = 2, Max = 4 },
        Boosters = "As agreed with your provider.",
        MedicineMinutes = new CountRange { Min = 40, Max = 60 },
        VisitMinutes = 120,
    };

    private static List<string> Failures(TreatmentCourseOptions options) =>
        new TreatmentCourseOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void A_complete_course_passes() => Assert.Empty(Failures(Valid()));

    [Fact]
    public void Missing_settings_each_name_their_key()
    {
        var failures = Failures(new TreatmentCourseOptions());

        Assert.Equal(
            [
                "Clinic:Course:Sessions must be between 1 and 30, but is 0.",
                "Clinic:Course:Weeks:Min must be between 1 and 52, but is 0.",
                "Clinic:Course:SessionsPerWeek:Min must be between 1 and 7, but is 0.",
                "Clinic:Course:ReviewAfterSessions:Min must be between 1 and 1, but is 0.",
                "Clinic:Course:VisitMinutes must be between 15 and 480, but is 0.",
                "Clinic:Course:MedicineMinutes:Min must be between 1 and 1, but is 0.",
                "Clinic:Course:Boosters is required.",
            ],
            failures);
    }

    [Fact]
    public void A_range_that_ends_before_it_starts_names_its_max()
    {
        var options = Valid();
        options.Weeks = new CountRange { Min = 3, Max = 2 };
        Assert.Equal("Clinic:Course:Weeks:Max must be between 3 and 52, but is 2.", Assert.Single(Failures(options)));
    }

    [Fact]
    public void The_review_cannot_come_after_the_last_session()
    {
        var options = Valid();
        options.ReviewAfterSessions = new CountRange { Min = 2, Max = 8 };
        Assert.Equal("Clinic:Course:ReviewAfterSessions:Max must be between 2 and 6, but is 8.", Assert.Single(Failures(options)));
    }

    [Fact]
    public void The_medicine_cannot_take_longer_than_the_visit()
    {
        var options = Valid();
        options.VisitMinutes = 30;
        Assert.Equal("Clinic:Course:MedicineMinutes:Min must be between 1 and 30, but is 40.", Assert.Single(Failures(options)));
    }

    [Theory]
    [InlineData(10, "Clinic:Course:Sessions (10) do not fit in Clinic:Course:Weeks:Max (3) at Clinic:Course:SessionsPerWeek:Max (3) a week.")]
    [InlineData(3, "Clinic:Course:Sessions (3) are fewer than Clinic:Course:Weeks:Min (2) at Clinic:Course:SessionsPerWeek:Min (2) a week would give.")]
    public void Sessions_must_fit_the_weeks_and_the_pace(int sessions, string failure)
    {
        var options = Valid();
        options.Sessions = sessions;
        options.ReviewAfterSessions = new CountRange { Min = 1, Max = 2 };
        Assert.Equal(failure, Assert.Single(Failures(options)));
    }

    [Fact]
    public void Boosters_longer_than_a_short_paragraph_are_refused()
    {
        var options = Valid();
        options.Boosters = new string('a', 301);
        Assert.Equal("Clinic:Course:Boosters must be at most 300 characters, but has 301.", Assert.Single(Failures(options)));
    }

    [Theory]
    [InlineData(2, 3, "week", "2 to 3 weeks")]
    [InlineData(4, 4, "session", "4 sessions")]
    [InlineData(1, 1, "week", "1 week")]
    public void A_range_reads_as_people_say_it(int min, int max, string noun, string text) =>
        Assert.Equal(text, new CountRange { Min = min, Max = max }.Of(noun));

    [Theory]
    [InlineData(60, "1 hour")]
    [InlineData(120, "2 hours")]
    [InlineData(90, "1½ hours")]
    [InlineData(150, "2½ hours")]
    [InlineData(45, "45 minutes")]
    [InlineData(100, "100 minutes")]
    public void A_visit_length_reads_in_hours_where_it_can(int minutes, string text) =>
        Assert.Equal(text, new TreatmentCourseOptions { VisitMinutes = minutes }.VisitLength);
}
