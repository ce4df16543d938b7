using KetamineClinic.Web.Features.Consultation;

namespace KetamineClinic.Tests.Consultation;

public sealed class HealthAnswersTests
{
    private static HealthAnswers Answers(params (string Field, string[] Values)[] answers) =>
        HealthAnswers.From(q => answers.FirstOrDefault(a => a.Field == q.Field).Values ?? []);

    [Fact]
    public void Answers_are_stored_in_the_shape_every_stored_request_already_has()
    {
        var answers = Answers(("Concerns", ["panic", "ptsd"]), ("HeartCondition", ["No"]), ("Pregnancy", ["PreferToDiscuss"]));

        Assert.Equal(
            """{"concerns":["panic","ptsd"],"treatmentsTried":[],"screening":{"HeartCondition":"No","Pregnancy":"PreferToDiscuss"}}""",
            answers.ToJson());
    }

    [Fact]
    public void Answers_stored_by_the_earlier_serializer_read_back_as_they_were()
    {
        // What the form stored before the questions had one home (a record serialised with the web defaults).
        const string stored = """{"concerns":["social-anxiety"],"treatmentsTried":["ssri-snri","talk-therapy"],"screening":{"SubstanceUse":"Yes"}}""";

        var answers = HealthAnswers.FromJson(stored);

        Assert.Equal(["social-anxiety"], answers.Of(HealthQuestions.Concerns));
        Assert.Equal(["ssri-snri", "talk-therapy"], answers.Of(HealthQuestions.TreatmentsTried));
        Assert.Equal("Yes", answers.OneOf(HealthQuestions.Screening.Single(q => q.Field == "SubstanceUse")));
        Assert.Equal(stored, answers.ToJson());
    }

    [Fact]
    public void Staff_read_each_answered_question_with_the_labels_of_the_choices_in_the_forms_order()
    {
        var answers = Answers(("Psychosis", ["PreferToDiscuss"]), ("TreatmentsTried", ["talk-therapy", "ssri-snri"]));

        Assert.Equal(
            [
                ("Treatments tried", "Talk therapy or CBT, SSRIs or SNRIs"),
                ("Have you ever had psychosis (for example hallucinations or delusions)?", "Prefer to discuss"),
            ],
            answers.Describe());
    }

    [Fact]
    public void A_radio_question_keeps_one_answer_and_blank_or_repeated_values_are_dropped()
    {
        var answers = Answers(("HeartCondition", ["Yes", "No"]), ("Concerns", [" panic ", "", "panic", "ptsd"]));

        Assert.Equal(["Yes"], answers.Of(HealthQuestions.Screening[0]));
        Assert.Equal(["panic", "ptsd"], answers.Of(HealthQuestions.Concerns));
    }

    [Fact]
    public void Every_question_has_a_field_of_its_own_and_choices_with_distinct_values()
    {
        Assert.Equal(HealthQuestions.All.Count, HealthQuestions.All.Select(q => q.Field).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(HealthQuestions.All, q => Assert.Equal(q.Choices.Count, q.Choices.Select(c => c.Value).Distinct(StringComparer.Ordinal).Count()));
    }
}
