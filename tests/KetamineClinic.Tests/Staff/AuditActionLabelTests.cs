using KetamineClinic.Web.Features.Staff;

namespace KetamineClinic.Tests.Staff;

public sealed class AuditActionLabelTests
{
    [Fact]
    public void Every_action_has_its_own_label()
    {
        Assert.All(AuditActions.All, action => Assert.NotEqual(action, AuditActions.LabelOf(action)));
        Assert.Equal(AuditActions.All.Count, AuditActions.All.Select(AuditActions.LabelOf).Distinct().Count());
    }

    [Fact]
    public void An_earlier_name_gets_the_label_of_the_action_today() =>
        Assert.Equal("Viewed a request", AuditActions.LabelOf("lead.viewed"));
}
