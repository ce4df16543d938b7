namespace KetamineClinic.Web.Clinic;

/// <summary>
/// An address shown partly hidden ("a•••@example.com"): enough for visitors to recognise their own address on the
/// confirmation page, not enough to read it off a shared screen.
/// </summary>
public static class EmailAddressMask
{
    private const string Hidden = "•••";

    public static string Mask(string address)
    {
        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1)
        {
            return Hidden;
        }

        return string.Concat(address.AsSpan(0, char.IsSurrogate(address[0]) && at > 1 ? 2 : 1), Hidden, address.AsSpan(at));
    }
}
