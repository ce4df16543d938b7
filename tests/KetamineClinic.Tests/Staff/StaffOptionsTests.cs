using System.ComponentModel.DataAnnotations;
using KetamineClinic.Web.Features.Staff;

namespace KetamineClinic.Tests.Staff;

public sealed class StaffOptionsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(721)]
    public void A_first_response_target_outside_1_to_720_hours_is_refused_naming_the_key(int hours)
    {
        var options = new StaffOptions { FirstResponseHours = hours };
        var results = new List<ValidationResult>();

        var valid = Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.False(valid);
        Assert.Equal("Staff:FirstResponseHours must be between 1 and 720.", Assert.Single(results).ErrorMessage);
    }

    [Fact]
    public void The_first_response_target_is_24_hours_unless_set()
    {
        var options = new StaffOptions();

        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
        Assert.Equal(24, options.FirstResponseHours);
    }
}
