using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KetamineClinic.Web.Features.Consultation;

/// <summary>Reads <see cref="HealthAnswers"/> from the form: one field per question, named after it.</summary>
public sealed class HealthAnswersBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var values = bindingContext.ValueProvider;
        bindingContext.Result = ModelBindingResult.Success(HealthAnswers.From(question => values.GetValue(question.Field).Values));
        return Task.CompletedTask;
    }
}
