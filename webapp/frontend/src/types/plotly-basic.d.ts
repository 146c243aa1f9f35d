// The basic Plotly bundle (scatter, bar, pie) has the same API as the full one.
declare module 'plotly.js-basic-dist-min' {
  import Plotly = require('plotly.js-dist-min');
  export = Plotly;
}
