using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguard.Web.Features;

public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Home/Index");
}
