using KetamineClinic.Web.Features.Staff.Leads;

namespace KetamineClinic.Tests.Staff;

public sealed class HealthAnswersViewTests
{
    [Fact]
    public void The_form_s_answers_are_shown_as_its_questions_with_the_labels_people_chose()
    {
        var rows = HealthAnswersView.Flatten("""
            {"concerns":["panic","ptsd"],"treatmentsTried":["ssri-snri"],"screening":{"Psychosis":"PreferToDiscuss","HeartCondition":"No"}}
            """);

        Assert.Equal(
            [
                new("Concerns", "Panic, PTSD"),
                new("Treatments tried", "SSRIs or SNRIs"),
                new("Do you have a heart condition or high blood pressure?", "No"),
                new("Have you ever had psychosis (for example hallucinations or delusions)?", "Prefer to discuss"),
            ],
            rows);
    }

    [Fact]
    public void Answers_of_another_shape_are_still_shown_key_by_key()
    {
        var rows = HealthAnswersView.Flatten("""{"concerns":["anxiety","sleep"],"triedTherapy":true,"screening":{"phq2":3}}""");

        Assert.Contains(new KeyValuePair<string, string>("Concerns", "anxiety, sleep"), rows);
        Assert.Contains(new KeyValuePair<string, string>("Tried therapy", "Yes"), rows);
        Assert.Contains(new KeyValuePair<string, string>("Screening › Phq2", "3"), rows);
    }

    [Fact]
    public void Text_that_is_not_json_is_shown_as_it_is() =>
        Assert.Equal([new("Answers", "not json")], HealthAnswersView.Flatten("not json"));
}
