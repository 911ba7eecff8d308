// The public site's only script, loaded from our own origin so the Content-Security-Policy
// can forbid inline script (docs/security.md).
(function () {
  "use strict";

  // Keep the current section visible in the horizontally scrolling navigation on phones.
  function scrollNavToCurrent() {
    var current = document.querySelector(".site-nav [aria-current]");
    if (current) current.closest("ul").scrollLeft = current.offsetLeft - 16;
  }

  // "Copy link" in the share links: copy the page's address instead of following the link.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-copy-link]");
    if (!link || !navigator.clipboard) return;
    event.preventDefault();
    navigator.clipboard.writeText(link.href).then(function () {
      var status = link.closest(".share").querySelector("[data-copy-status]");
      if (status) status.textContent = link.getAttribute("data-copied");
    });
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", scrollNavToCurrent);
  } else {
    scrollNavToCurrent();
  }
})();
