using System.ComponentModel.DataAnnotations;

namespace KetamineClinic.Web.Features.Staff.Account;

public sealed class LoginForm
{
    [Required(ErrorMessage = "Enter your email address.")]
    [Display(Name = "Email")]
    [DataType(DataType.EmailAddress)]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Enter your password.")]
    [Display(Name = "Password")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}
