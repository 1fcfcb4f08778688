/* eslint-disable no-undef */
/**
 * Yo Office-shaped webpack config for the task pane. Output goes to dist/addin (dist/ itself
 * holds the CLI build). Production replaces the dev URL in manifest.xml with ADDIN_PUBLIC_URL
 * (where dist/addin is deployed); without it the built manifest keeps https://localhost:3000/,
 * which serves dist/addin for a local sideload. Never an eval-based devtool: the pane runs
 * under a strict CSP (taskpane.html).
 */
const path = require('path');
const devCerts = require('office-addin-dev-certs');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const urlDev = 'https://localhost:3000/';
const urlProd = process.env.ADDIN_PUBLIC_URL || urlDev;

async function getHttpsOptions() {
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === 'development';
  const config = {
    devtool: 'source-map',
    entry: {
      taskpane: './taskpane/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist/addin'),
      filename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Type checking is `npm run typecheck`; ES modules let webpack drop unused Fluent code.
            options: { transpileOnly: true, compilerOptions: { module: 'es2020', sourceMap: true } },
          },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico)$/,
          type: 'asset/resource',
          generator: { filename: 'assets/[name][ext][query]' },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './taskpane/taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*', to: 'assets/[name][ext][query]' },
          {
            from: 'manifest*.xml',
            to: '[name][ext]',
            transform(content) {
              if (dev) return content;
              // Page URLs first, then the bare origin (AppDomain) with the production origin.
              return content
                .toString()
                .replace(new RegExp(urlDev, 'g'), urlProd)
                .replace(new RegExp(urlDev.replace(/\/$/, ''), 'g'), new URL(urlProd).origin);
            },
          },
          // office.js served from this origin (no CDN at run time), with the Excel host scripts
          // and string tables it loads next to itself.
          {
            from: '**/*',
            context: path.resolve(__dirname, 'node_modules/@microsoft/office-js/dist'),
            to: 'office-js/[path][name][ext]',
            globOptions: {
              ignore: ['**/*.debug.js', '**/*-vsdoc.js', '**/*.d.ts', '**/access-*', '**/onenote-*', '**/outlook*', '**/powerpoint*', '**/project-*', '**/word*', '**/visio*', '**/custom-functions-runtime*', '**/html2canvas*'],
            },
          },
        ],
      }),
    ],
    devServer: {
      hot: true,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: {
        type: 'https',
        options: env.WEBPACK_BUILD || options.https !== undefined ? options.https : await getHttpsOptions(),
      },
      port: process.env.npm_package_config_dev_server_port || 3000,
    },
  };
  return config;
};
