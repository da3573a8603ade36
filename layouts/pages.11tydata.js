// pages.njk's address for each page. A function, not a Nunjucks string in the front matter,
// which Eleventy would compile again for every page it renders. `this` holds the filters;
// `insideOutput` refuses any address outside the output folder.
export default {
  permalink(data) {
    return this.insideOutput(data.entry.outputPath);
  },
};
