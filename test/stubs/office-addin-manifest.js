// Stand-in for office-addin-manifest under Jest (see jest.config.js): office-addin-mock only reads OfficeApp.
module.exports = {
  OfficeApp: {
    Excel: "excel",
    Word: "word",
    PowerPoint: "powerpoint",
    Outlook: "outlook",
    OneNote: "onenote",
    Project: "project",
  },
};
