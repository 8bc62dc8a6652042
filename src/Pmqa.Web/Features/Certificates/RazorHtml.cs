using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Pmqa.Web.Features.Certificates;

/// <summary>Renders a Razor view to a string, for documents printed by Chromium rather than sent to a browser.</summary>
public sealed class RazorHtml(IRazorViewEngine engine, ITempDataProvider tempData)
{
    public async Task<string> RenderAsync<TModel>(HttpContext http, string viewPath, TModel model)
    {
        var action = new ActionContext(http, http.GetRouteData(), new ActionDescriptor());
        var found = engine.GetView(executingFilePath: null, viewPath, isMainPage: true);
        if (!found.Success) throw new InvalidOperationException($"No view at {viewPath}");
        await using var writer = new StringWriter();
        var viewData = new ViewDataDictionary<TModel>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        var context = new ViewContext(action, found.View, viewData, new TempDataDictionary(http, tempData), writer, new HtmlHelperOptions());
        await found.View.RenderAsync(context);
        return writer.ToString();
    }
}
