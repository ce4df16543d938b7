using System.Collections.Frozen;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace KetamineClinic.Data.Entities;

/// <summary>
/// The words people read for a stored value: a member's <c>[Display(Name = …)]</c>, else its name. The label
/// lives on the member itself, so the form, the staff pages, the emails and the export all say the same.
/// </summary>
public static class EnumLabels
{
    public static string Label<T>(this T value)
        where T : struct, Enum => Cache<T>.Labels.TryGetValue(value, out var label) ? label : value.ToString();

    /// <summary>Every member, in declaration order, with its label.</summary>
    public static IReadOnlyList<(T Value, string Label)> All<T>()
        where T : struct, Enum => Cache<T>.All;

    private static class Cache<T>
        where T : struct, Enum
    {
        public static readonly IReadOnlyList<(T Value, string Label)> All = [.. Enum.GetValues<T>().Select(v => (v, LabelOf(v)))];
        public static readonly FrozenDictionary<T, string> Labels = All.ToFrozenDictionary(e => e.Value, e => e.Label);

        private static string LabelOf(T value) =>
            typeof(T).GetField(value.ToString())?.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? value.ToString();
    }
}
